import { DataSource } from 'typeorm';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';
import {
  BOOT_16,
  BOOT_201,
  connectStatus,
  eventually,
  ocppClient,
  registerCharger,
  TestRpcClient,
} from '../support/ocpp-clients';

describe('OCPP gateway: handshake, boot, framing', () => {
  let app: TestApp;
  let fleetManager: string;
  const clients: TestRpcClient[] = [];
  const client = (...args: Parameters<typeof ocppClient>) => {
    const created = ocppClient(...args);
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    await registerCharger(app, fleetManager, 'GW-16');
    await registerCharger(app, fleetManager, 'GW-201');
    await registerCharger(app, fleetManager, 'GW-NOPASS', {
      site: { unknownChargerPolicy: 'pending' },
      charger: { password: undefined },
    });
    await registerCharger(app, fleetManager, 'GW-NOPASS-STRICT', { charger: { password: undefined } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
  });

  it('TC_001 (1.6) boot Accepted with the heartbeat interval, then Heartbeat answers the time', async () => {
    const cp = client(app, 'GW-16', 'ocpp1.6');
    expect(await connectStatus(cp)).toBe(101);
    expect(cp.protocol).toBe('ocpp1.6');
    const boot = (await cp.call('BootNotification', BOOT_16)) as { status: string; interval: number };
    expect(boot).toMatchObject({ status: 'Accepted', interval: 300 });
    const heartbeat = (await cp.call('Heartbeat', {})) as { currentTime: string };
    expect(Math.abs(Date.parse(heartbeat.currentTime) - Date.now())).toBeLessThan(5000);
    await cp.close();
  });

  it('TC_B_01_CSMS (2.0.1) cold boot Accepted; TC_A_01_CSMS basic auth with a valid password', async () => {
    const cs = client(app, 'GW-201', ['ocpp2.0.1', 'ocpp1.6']);
    expect(await connectStatus(cs)).toBe(101);
    expect(cs.protocol).toBe('ocpp2.0.1');
    const boot = (await cs.call('BootNotification', BOOT_201)) as { status: string };
    expect(boot.status).toBe('Accepted');
    await cs.call('StatusNotification', {
      timestamp: new Date().toISOString(),
      connectorStatus: 'Available',
      evseId: 1,
      connectorId: 1,
    });
    await cs.close();
  });

  it('TC_A_03_CSMS wrong password: the handshake is refused with 401', async () => {
    expect(await connectStatus(client(app, 'GW-16', 'ocpp1.6', 'not-the-right-password'))).toBe(401);
    expect(await connectStatus(client(app, 'GW-201', 'ocpp2.0.1', null))).toBe(401);
  });

  it('TC_A_02_CSMS basic-auth username other than the charge point id: refused with 401', async () => {
    const impostor = ocppClient(app, 'GW-16', 'ocpp1.6', null);
    clients.push(impostor);
    const basic = Buffer.from(`GW-201:${'correct-horse-battery-staple'}`).toString('base64');
    (impostor as unknown as { _options: { headers: Record<string, string> } })._options.headers = {
      Authorization: `Basic ${basic}`,
    };
    expect(await connectStatus(impostor)).toBe(401);
  });

  it('refuses unknown charge point ids (404, default policy), other paths and ocpp2.1-only clients', async () => {
    expect(await connectStatus(client(app, 'NOBODY-01', 'ocpp1.6'))).toBe(404);
    expect(await connectStatus(client(app, 'GW-16', 'ocpp2.1' as never))).toBe(400);
    const other = ocppClient(app, 'GW-16', 'ocpp1.6');
    (other as unknown as { _options: { endpoint: string } })._options.endpoint =
      `${app.baseUrl.replace('http', 'ws')}/elsewhere`;
    await expect(other.connect()).rejects.toThrow();
  });

  it('TC_B_02_CSMS a charger without password is held Pending when its site allows it, refused otherwise', async () => {
    expect(await connectStatus(client(app, 'GW-NOPASS-STRICT', 'ocpp2.0.1', null))).toBe(401);
    const cs = client(app, 'GW-NOPASS', 'ocpp2.0.1', null);
    expect(await connectStatus(cs)).toBe(101);
    const boot = (await cs.call('BootNotification', BOOT_201)) as { status: string; interval: number };
    expect(boot).toMatchObject({ status: 'Pending', interval: 60 });
    // TC_B_30_CSMS: anything but BootNotification before Accepted gets SecurityError; the connection stays open.
    await expect(cs.call('Heartbeat', {})).rejects.toMatchObject({ rpcErrorCode: 'SecurityError' });
    await expect(
      cs.call('TransactionEvent', {
        eventType: 'Started',
        timestamp: new Date().toISOString(),
        triggerReason: 'CablePluggedIn',
        seqNo: 0,
        transactionInfo: { transactionId: 'pending-tx' },
      }),
    ).rejects.toMatchObject({ rpcErrorCode: 'SecurityError' });
    expect((await cs.call('BootNotification', BOOT_201)) as { status: string }).toMatchObject({ status: 'Pending' });
    await cs.close();
  });

  it('answers out-of-schema payloads and malformed frames with the right CALLERROR and stays usable', async () => {
    const cp = client(app, 'GW-16', 'ocpp1.6');
    await cp.connect();
    await cp.call('BootNotification', BOOT_16);
    // 1.6 errata: FormationViolation is the 1.6 spelling of FormatViolation.
    await expect(cp.call('BootNotification', { chargePointVendor: 7 })).rejects.toMatchObject({
      rpcErrorCode: expect.stringMatching(/TypeConstraintViolation|FormationViolation|OccurrenceConstraintViolation/),
    });
    await expect(
      cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Exploding' }),
    ).rejects.toMatchObject({ rpcErrorCode: expect.stringMatching(/PropertyConstraintViolation|FormationViolation/) });
    await expect(cp.call('NoSuchAction', {})).rejects.toMatchObject({
      rpcErrorCode: expect.stringMatching(/NotImplemented|NotSupported/),
    });
    const answers: string[] = [];
    // Only CALLERRORs: the service's own post-boot calls (configuration, safe default) may arrive meanwhile.
    cp.on('message', ({ message, outbound }: { message: string; outbound: boolean }) => {
      if (!outbound && message.startsWith('[4,')) answers.push(message);
    });
    cp.sendRaw('this is not json');
    cp.sendRaw('[2, "raw-1", "Heartbeat"');
    cp.sendRaw('[2, 17, "Heartbeat", {}]');
    await eventually(async () => expect(answers.length).toBeGreaterThanOrEqual(3));
    // OCPP-J 1.6 §4.2.3 (errata §5.2 keeps the spelling): a frame that is no valid message is a FormationViolation;
    // RpcFrameworkError is a 2.0.1 code a 1.6 charger does not know.
    expect(answers.map((answer) => (JSON.parse(answer) as unknown[])[2])).toEqual([
      'FormationViolation',
      'FormationViolation',
      'FormationViolation',
    ]);
    const heartbeat = (await cp.call('Heartbeat', {})) as { currentTime: string };
    expect(heartbeat.currentTime).toBeDefined();
    await cp.close();
    // strictValidationFailure and badMessage are stored for the operator, not only answered.
    await eventually(async () => {
      const stored: { type: string }[] = await app.app
        .get(DataSource)
        .query(`SELECT "type" FROM "ocpp_charger_events" WHERE "chargePointId" = 'GW-16'`);
      const types = stored.map((row) => row.type);
      expect(types).toEqual(expect.arrayContaining(['ocpp.validationFailure', 'ocpp.badMessage']));
    });
  });

  it('a charger connecting twice replaces its old connection; the new one works', async () => {
    const first = client(app, 'GW-201', 'ocpp2.0.1');
    await first.connect();
    await first.call('BootNotification', BOOT_201);
    const closed = new Promise((resolve) => first.once('close', resolve));
    const second = client(app, 'GW-201', 'ocpp2.0.1');
    await second.connect();
    await closed;
    expect(first.state).toBe(3);
    // Reconnected without a new boot: the stored Accepted still holds (no SecurityError).
    expect(((await second.call('Heartbeat', {})) as { currentTime: string }).currentTime).toBeDefined();
    const state = await app.http(ADMIN_TOKEN).get('/api/v1/chargers/GW-201/connection');
    if (state.status === 200) expect(state.body.online).toBe(true);
    await second.close();
  });
});
