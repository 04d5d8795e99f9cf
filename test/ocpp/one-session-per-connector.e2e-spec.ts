import { DataSource } from 'typeorm';
import { OcppEventBus, OcppEventEnvelope } from '../../src/ocpp/events/ocpp-event-bus';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { BOOT_16, BOOT_201, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

const register16 = (minutesAgo: number, energyWh: number) => ({
  timestamp: at(minutesAgo),
  sampledValue: [{ value: String(energyWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
});
const register201 = (minutesAgo: number, energyWh: number) => ({
  timestamp: at(minutesAgo),
  sampledValue: [{ value: energyWh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }],
});

/**
 * Two sessions could be active on one connector at once (ISSUE 14): a new start on a busy connector now ends the stale
 * session, keeping the energy it had, and says so on the bus and in the charger's events.
 */
describe('OCPP sessions: one active session per connector', () => {
  let app: TestApp;
  let viewer: string;
  const ended: OcppEventEnvelope[] = [];
  const clients: TestRpcClient[] = [];
  const connect = async (identity: string, protocol: 'ocpp1.6' | 'ocpp2.0.1') => {
    const client = ocppClient(app, identity, protocol);
    clients.push(client);
    await client.connect();
    await client.call('BootNotification', protocol === 'ocpp1.6' ? BOOT_16 : BOOT_201);
    return client;
  };
  const sessionsOf = async (chargePointId: string) =>
    (await app.http(viewer).get(`/api/v1/charging-sessions?chargePointId=${chargePointId}`).expect(200)).body
      .items as Record<string, unknown>[];
  const supersededEvents = (chargePointId: string) =>
    app.app
      .get(DataSource)
      .query(
        `SELECT "payload" FROM "ocpp_charger_events" WHERE "chargePointId" = $1 AND "type" = 'session.superseded'`,
        [chargePointId],
      ) as Promise<{ payload: Record<string, unknown> }[]>;

  beforeAll(async () => {
    app = await startTestApp();
    const fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    const { siteId } = await registerCharger(app, fleetManager, 'OS-16');
    await registerCharger(app, fleetManager, 'OS-201', { siteId });
    app.app.get(OcppEventBus).events$.subscribe((envelope) => {
      if (envelope.event.type === 'session.ended') ended.push(envelope);
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
  });

  it('1.6: a second StartTransaction on a busy connector ends the first session with a reason and keeps its energy', async () => {
    const cp = await connect('OS-16', 'ocpp1.6');
    const secondStart = at(10);
    const first = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TAG-A',
      meterStart: 1000,
      timestamp: at(30),
    })) as { transactionId: number };
    await cp.call('MeterValues', {
      connectorId: 1,
      transactionId: first.transactionId,
      meterValue: [register16(20, 6000)],
    });
    // The stop of the first was lost; the charger starts again on the same connector.
    const second = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TAG-B',
      meterStart: 6000,
      timestamp: secondStart,
    })) as { transactionId: number };
    // Connector 2 is a different connector: its session is left alone.
    await cp.call('StartTransaction', { connectorId: 2, idTag: 'TAG-C', meterStart: 0, timestamp: at(9) });

    const sessions = await sessionsOf('OS-16');
    const byTx = (id: number) => sessions.find((s) => s.transactionId === String(id));
    expect(byTx(first.transactionId)).toMatchObject({
      active: false,
      energyWh: 5000,
      stopReason: 'SupersededByNewTransaction',
    });
    expect(byTx(second.transactionId)).toMatchObject({ active: true, energyWh: 0 });
    expect(sessions.filter((s) => s.active === true && s.evseId === 1)).toHaveLength(1);
    expect(sessions.filter((s) => s.active === true)).toHaveLength(2);

    const endedFirst = ended.find(
      (e) =>
        e.chargePointId === 'OS-16' &&
        (e.event as { transactionId?: string }).transactionId === String(first.transactionId),
    );
    expect(endedFirst?.event).toMatchObject({ reason: 'SupersededByNewTransaction' });
    expect(endedFirst?.countedEnergyWh).toBeUndefined();
    await eventually(async () =>
      expect((await supersededEvents('OS-16')).map((e) => e.payload)).toEqual([
        expect.objectContaining({
          transactionId: String(first.transactionId),
          byTransactionId: String(second.transactionId),
        }),
      ]),
    );

    // A retried second start (same fields) gets the same id and ends nothing more.
    const retried = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TAG-B',
      meterStart: 6000,
      timestamp: secondStart,
    })) as { transactionId: number };
    expect(retried.transactionId).toBe(second.transactionId);
    expect((await sessionsOf('OS-16')).find((s) => s.transactionId === String(second.transactionId))).toMatchObject({
      active: true,
    });
  });

  it('2.0.1: TransactionEvent Started for a new transaction on a busy EVSE ends the stale one (its Ended was lost)', async () => {
    const cs = await connect('OS-201', 'ocpp2.0.1');
    const started = (transactionId: string, minutesAgo: number, registerWh: number) => ({
      eventType: 'Started',
      timestamp: at(minutesAgo),
      triggerReason: 'CablePluggedIn',
      seqNo: 0,
      evse: { id: 1, connectorId: 1 },
      transactionInfo: { transactionId },
      meterValue: [register201(minutesAgo, registerWh)],
    });
    await cs.call('TransactionEvent', started('os-old', 30, 10_000));
    await cs.call('TransactionEvent', {
      eventType: 'Updated',
      timestamp: at(20),
      triggerReason: 'MeterValuePeriodic',
      seqNo: 1,
      transactionInfo: { transactionId: 'os-old' },
      meterValue: [register201(20, 12_500)],
    });
    await cs.call('TransactionEvent', started('os-new', 10, 12_500));
    // A retry of the new Started (same seqNo) changes nothing.
    await cs.call('TransactionEvent', started('os-new', 10, 12_500));

    const sessions = await sessionsOf('OS-201');
    expect(sessions.find((s) => s.transactionId === 'os-old')).toMatchObject({
      active: false,
      energyWh: 2500,
      stopReason: 'SupersededByNewTransaction',
    });
    expect(sessions.find((s) => s.transactionId === 'os-new')).toMatchObject({ active: true });
    await eventually(async () => expect(await supersededEvents('OS-201')).toHaveLength(1));

    // The stale transaction's late Ended is still accepted (never a CALLERROR), and counts nothing twice.
    expect(
      await cs.call('TransactionEvent', {
        eventType: 'Ended',
        timestamp: at(5),
        triggerReason: 'EVDeparted',
        seqNo: 2,
        transactionInfo: { transactionId: 'os-old', stoppedReason: 'EVDisconnected' },
        meterValue: [register201(5, 13_000)],
      }),
    ).toEqual({});
    expect((await sessionsOf('OS-201')).find((s) => s.transactionId === 'os-old')).toMatchObject({
      energyWh: 2500,
      stopReason: 'SupersededByNewTransaction',
    });
  });
});
