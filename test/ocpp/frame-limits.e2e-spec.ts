import { DataSource } from 'typeorm';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import {
  BOOT_16,
  BOOT_201,
  connectStatus,
  eventually,
  ocppClient,
  registerCharger,
  TestRpcClient,
} from '../support/ocpp-clients';

const MAX_FRAME_BYTES = 64 * 1024;

/** Sends a raw frame and resolves with the server's reply to its messageId (CALLRESULT or CALLERROR). */
function rawCall(client: TestRpcClient, messageId: string, frame: string): Promise<unknown[]> {
  return new Promise((resolve) => {
    const onMessage = (event: { message: string; outbound: boolean }) => {
      if (event.outbound) return;
      const reply = JSON.parse(event.message) as unknown[];
      if (reply[1] !== messageId) return;
      client.off('message', onMessage);
      resolve(reply);
    };
    client.on('message', onMessage);
    client.sendRaw(frame);
  });
}

describe('OCPP frame limits: oversize frames and long message ids (ISSUE 14)', () => {
  let app: TestApp;
  let fleetManager: string;
  const clients: TestRpcClient[] = [];
  const connect = async (identity: string, protocol: 'ocpp1.6' | 'ocpp2.0.1') => {
    const client = ocppClient(app, identity, protocol);
    clients.push(client);
    expect(await connectStatus(client)).toBe(101);
    await client.call('BootNotification', protocol === 'ocpp1.6' ? BOOT_16 : BOOT_201);
    // Replies to raw frames with ids the client never sent are "bad messages" to it: keep them quiet.
    client.on('badMessage', () => undefined);
    return client;
  };
  const events = (chargePointId: string, type: string) =>
    app.app
      .get(DataSource)
      .query(`SELECT "payload" FROM "ocpp_charger_events" WHERE "chargePointId" = $1 AND "type" = $2`, [
        chargePointId,
        type,
      ]) as Promise<{ payload: Record<string, unknown> }[]>;

  beforeAll(async () => {
    // The gateway reads its settings from the process environment when its module starts.
    process.env.APRON_OCPP_MAX_FRAME_BYTES = String(MAX_FRAME_BYTES);
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    const { siteId } = await registerCharger(app, fleetManager, 'FL-16');
    await registerCharger(app, fleetManager, 'FL-201', { siteId });
    await registerCharger(app, fleetManager, 'FL-BIG', { siteId });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
    delete process.env.APRON_OCPP_MAX_FRAME_BYTES;
  });

  it('a frame over APRON_OCPP_MAX_FRAME_BYTES closes the connection with 1009 and is not logged; one under it is answered', async () => {
    const cp = await connect('FL-BIG', 'ocpp1.6');
    // Just under the limit: answered, and logged cut short.
    const fits = JSON.stringify([2, 'fits', 'DataTransfer', { vendorId: 'Apron', data: 'x'.repeat(60_000) }]);
    expect(Buffer.byteLength(fits)).toBeLessThan(MAX_FRAME_BYTES);
    const answer = await rawCall(cp, 'fits', fits);
    expect(answer[0]).toBe(3);

    const closed = new Promise<number>((resolve) => cp.once('close', (event: { code: number }) => resolve(event.code)));
    cp.sendRaw(
      JSON.stringify([2, 'huge', 'DataTransfer', { vendorId: 'Apron', data: 'x'.repeat(2 * MAX_FRAME_BYTES) }]),
    );
    expect(await closed).toBe(1009);

    await eventually(async () => expect(await events('FL-BIG', 'ocpp.frameTooLarge')).toHaveLength(1));
    await eventually(async () => {
      const logged: { frame: string }[] = await app.app
        .get(DataSource)
        .query(`SELECT "frame" FROM "ocpp_message_log" WHERE "chargePointId" = 'FL-BIG' AND "direction" = 'in'`);
      expect(logged.some((row) => row.frame.includes('"fits"'))).toBe(true);
      expect(logged.some((row) => row.frame.includes('"huge"'))).toBe(false);
      // The raw log keeps at most 16 KiB of a frame (and says what it left out).
      expect(Math.max(...logged.map((row) => row.frame.length))).toBeLessThan(17 * 1024);
    });
  });

  it('OCPP-J 1.6 §4.1.3: a messageId over 36 characters gets CALLERROR FormatViolation (FormationViolation on the wire), 36 are fine', async () => {
    const cp = await connect('FL-16', 'ocpp1.6');
    const longId = 'm'.repeat(37);
    const reply = await rawCall(cp, longId, JSON.stringify([2, longId, 'Heartbeat', {}]));
    // ocpp-rpc sends FormatViolation under its 1.6 name, FormationViolation (the errata renamed it; chargers built to
    // the 1.6 edition expect the old spelling).
    expect(reply.slice(0, 3)).toEqual([4, longId, 'FormationViolation']);
    const okId = 'k'.repeat(36);
    expect((await rawCall(cp, okId, JSON.stringify([2, okId, 'Heartbeat', {}])))[0]).toBe(3);
    await eventually(async () => expect(await events('FL-16', 'ocpp.badMessageId')).toHaveLength(1));
  });

  it('OCPP-J 2.0.1 §4.1.3: a messageId over 36 characters gets CALLERROR RpcFrameworkError and is not processed', async () => {
    const cs = await connect('FL-201', 'ocpp2.0.1');
    const longId = 'n'.repeat(40);
    const status = {
      timestamp: new Date().toISOString(),
      connectorStatus: 'Faulted',
      evseId: 1,
      connectorId: 1,
    };
    const reply = await rawCall(cs, longId, JSON.stringify([2, longId, 'StatusNotification', status]));
    expect(reply.slice(0, 3)).toEqual([4, longId, 'RpcFrameworkError']);
    const stored: unknown[] = await app.app
      .get(DataSource)
      .query(`SELECT 1 FROM "ocpp_connector_status" WHERE "chargePointId" = 'FL-201'`);
    expect(stored).toHaveLength(0);
  });
});
