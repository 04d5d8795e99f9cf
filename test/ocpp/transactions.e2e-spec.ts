import { aVehicle } from '../support/fixtures';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { BOOT_16, BOOT_201, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';

const iso = (minute: number) => new Date(Date.UTC(2026, 10, 22, 6, minute)).toISOString();

/** A 1.6 MeterValue with energy register, power and SoC. */
const meter16 = (minute: number, energyWh: number, powerW: number, socPercent: number) => ({
  timestamp: iso(minute),
  sampledValue: [
    { value: String(energyWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' },
    { value: String(powerW / 1000), measurand: 'Power.Active.Import', unit: 'kW' },
    { value: String(socPercent), measurand: 'SoC', unit: 'Percent' },
  ],
});

const meter201 = (
  minute: number,
  energyWh: number,
  powerW: number,
  socPercent: number,
  context = 'Sample.Periodic',
) => ({
  timestamp: iso(minute),
  sampledValue: [
    { value: energyWh, measurand: 'Energy.Active.Import.Register', context, unitOfMeasure: { unit: 'Wh' } },
    { value: powerW, measurand: 'Power.Active.Import', context, unitOfMeasure: { unit: 'W' } },
    { value: socPercent, measurand: 'SoC', context, unitOfMeasure: { unit: 'Percent' } },
  ],
});

describe('OCPP transactions: sessions and meter values of both versions', () => {
  let app: TestApp;
  let fleetManager: string;
  let viewer: string;
  let siteId: string;
  let vehicleId: string;
  const clients: TestRpcClient[] = [];

  const connect = async (identity: string, protocol: 'ocpp1.6' | 'ocpp2.0.1') => {
    const client = ocppClient(app, identity, protocol);
    clients.push(client);
    await client.connect();
    await client.call('BootNotification', protocol === 'ocpp1.6' ? BOOT_16 : BOOT_201);
    return client;
  };
  const sessionsOf = async (query: string) =>
    (await app.http(viewer).get(`/api/v1/charging-sessions?${query}`).expect(200)).body as {
      items: Record<string, unknown>[];
      total: number;
    };

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    ({ siteId } = await registerCharger(app, fleetManager, 'TX-16'));
    await registerCharger(app, fleetManager, 'TX-201', { siteId });
    const vehicle = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { idTag: 'BUS-07-TAG', fleetNumber: 'BUS-07' }))
      .expect(201);
    vehicleId = vehicle.body.id as string;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
  });

  it('TC_003 (1.6) status → authorize → start → meter values with SoC → stop, stored and readable', async () => {
    const cp = await connect('TX-16', 'ocpp1.6');
    await cp.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Preparing',
      timestamp: iso(0),
    });
    const auth = (await cp.call('Authorize', { idTag: 'BUS-07-TAG' })) as { idTagInfo: { status: string } };
    expect(auth.idTagInfo.status).toBe('Accepted');
    const start = { connectorId: 1, idTag: 'BUS-07-TAG', meterStart: 10_000, timestamp: iso(1) };
    const started = (await cp.call('StartTransaction', start)) as {
      transactionId: number;
      idTagInfo: { status: string };
    };
    expect(started.transactionId).toBeGreaterThan(0);
    expect(started.idTagInfo.status).toBe('Accepted');
    // A retried StartTransaction (lost answer) gets the same id; energy is counted once.
    const retried = (await cp.call('StartTransaction', start)) as { transactionId: number };
    expect(retried.transactionId).toBe(started.transactionId);
    const transactionId = started.transactionId;
    await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [meter16(2, 11_000, 60_000, 41)] });
    await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [meter16(2, 11_000, 60_000, 41)] });
    await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [meter16(3, 12_500, 90_000, 44)] });
    const stopped = (await cp.call('StopTransaction', {
      transactionId,
      idTag: 'BUS-07-TAG',
      meterStop: 13_000,
      timestamp: iso(4),
      reason: 'EVDisconnected',
    })) as { idTagInfo?: { status: string } };
    expect(stopped.idTagInfo?.status).toBe('Accepted');
    await cp.call('StopTransaction', { transactionId, meterStop: 13_000, timestamp: iso(4) });

    const page = await sessionsOf(`chargePointId=TX-16`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      transactionId: String(transactionId),
      vehicleId,
      idTag: 'BUS-07-TAG',
      meterStartWh: 10_000,
      meterStopWh: 13_000,
      energyWh: 3000,
      lastSocPercent: 44,
      active: false,
      stopReason: 'EVDisconnected',
      startedAt: iso(1),
    });
    const samples = await app
      .http(viewer)
      .get(`/api/v1/charging-sessions/${page.items[0].id as string}/meter-samples`)
      .expect(200);
    // The repeated MeterValues (a retry) is stored once, as it is counted once.
    expect(samples.body.items.map((s: { socPercent: number }) => s.socPercent)).toEqual([41, 44]);
    expect(samples.body.items[1]).toMatchObject({ energyWh: 12_500, powerW: 90_000 });
    expect((await sessionsOf(`vehicleId=${vehicleId}&active=false`)).total).toBe(1);
    const state = await app.http(viewer).get('/api/v1/chargers/TX-16/connection').expect(200);
    expect(state.body).toMatchObject({ online: true, bootStatus: 'Accepted', ocppVersion: '1.6' });
    expect(state.body.connectors[0]).toMatchObject({ evseId: 1, status: 'Occupied', rawStatus: 'Preparing' });
  });

  it('1.6 gives a new unique id > 0 to a start with an unknown tag too (answered Invalid)', async () => {
    const cp = await connect('TX-16', 'ocpp1.6');
    const first = (await cp.call('StartTransaction', {
      connectorId: 2,
      idTag: 'STRANGER',
      meterStart: 0,
      timestamp: iso(10),
    })) as { transactionId: number; idTagInfo: { status: string } };
    expect(first.idTagInfo.status).toBe('Invalid');
    expect(first.transactionId).toBeGreaterThan(0);
    const second = (await cp.call('StartTransaction', {
      connectorId: 2,
      idTag: 'STRANGER',
      meterStart: 5,
      timestamp: iso(11),
    })) as { transactionId: number };
    expect(second.transactionId).not.toBe(first.transactionId);
  });

  it('1.6 MeterValues and StopTransaction of a transaction nobody knows are answered and kept, never an error', async () => {
    const cp = await connect('TX-16', 'ocpp1.6');
    for (let i = 0; i < 3; i++) {
      expect(
        await cp.call('MeterValues', { connectorId: 1, transactionId: -1, meterValue: [meter16(40 + i, 7, 1, 50)] }),
      ).toEqual({});
    }
    expect(await cp.call('StopTransaction', { transactionId: -1, meterStop: 9, timestamp: iso(44) })).toEqual({});
    const samples = await app
      .http(viewer)
      .get('/api/v1/chargers/TX-16/meter-samples?from=2026-11-22T06:40:00Z&to=2026-11-22T06:43:00Z')
      .expect(200);
    expect(samples.body.items).toHaveLength(3);
    expect(samples.body.items[0].sessionId).toBeNull();
  });

  it('1.6 a meter register reset starts a new baseline and never makes energy negative', async () => {
    const cp = await connect('TX-16', 'ocpp1.6');
    const { transactionId } = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'BUS-07-TAG',
      meterStart: 50_000,
      timestamp: iso(20),
    })) as { transactionId: number };
    await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [meter16(21, 51_000, 1, 50)] });
    await cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [meter16(22, 200, 1, 51)] });
    await cp.call('StopTransaction', { transactionId, meterStop: 700, timestamp: iso(23) });
    const session = (await sessionsOf('chargePointId=TX-16')).items.find(
      (s) => s.transactionId === String(transactionId),
    );
    expect(session).toMatchObject({ energyWh: 1500, registerResets: 1 });
  });

  it('TC_E_03_CSMS / TC_J_07_CSMS (2.0.1) Started → Updated with SoC → Ended; a repeated seqNo counts once', async () => {
    const cs = await connect('TX-201', 'ocpp2.0.1');
    await cs.call('StatusNotification', { timestamp: iso(30), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    const auth = (await cs.call('Authorize', { idToken: { idToken: 'BUS-07-TAG', type: 'ISO14443' } })) as {
      idTokenInfo: { status: string };
    };
    expect(auth.idTokenInfo.status).toBe('Accepted');
    const event = (seqNo: number, eventType: string, minute: number, extra: Record<string, unknown> = {}) => {
      const { transactionInfo, ...rest } = extra;
      return {
        eventType,
        timestamp: iso(minute),
        triggerReason:
          eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'EVDeparted' : 'MeterValuePeriodic',
        seqNo,
        transactionInfo: { transactionId: 'st-tx-1', ...(transactionInfo as object) },
        ...rest,
      };
    };
    const started = (await cs.call(
      'TransactionEvent',
      event(0, 'Started', 31, {
        evse: { id: 1, connectorId: 1 },
        idToken: { idToken: 'BUS-07-TAG', type: 'ISO14443' },
        meterValue: [meter201(31, 20_000, 0, 30, 'Transaction.Begin')],
        transactionInfo: { chargingState: 'EVConnected' },
      }),
    )) as { idTokenInfo?: { status: string } };
    expect(started.idTokenInfo?.status).toBe('Accepted');
    const updated = event(1, 'Updated', 32, {
      meterValue: [meter201(32, 21_000, 60_000, 33)],
      transactionInfo: { chargingState: 'Charging' },
    });
    await cs.call('TransactionEvent', updated);
    await cs.call('TransactionEvent', updated);
    // TC_J_09_CSMS sampled values in Updated; a seqNo gap (3 missing) is accepted too.
    await cs.call('TransactionEvent', event(2, 'Updated', 33, { meterValue: [meter201(33, 22_000, 60_000, 36)] }));
    await cs.call(
      'TransactionEvent',
      event(4, 'Ended', 35, {
        meterValue: [meter201(35, 23_500, 0, 40, 'Transaction.End')],
        transactionInfo: { stoppedReason: 'EVDisconnected' },
      }),
    );
    // Updated after Ended, offline: accepted, changes no energy.
    expect(
      await cs.call(
        'TransactionEvent',
        event(5, 'Updated', 36, { offline: true, meterValue: [meter201(36, 99_999, 0, 41)] }),
      ),
    ).toEqual({});

    const [session] = (await sessionsOf('chargePointId=TX-201')).items;
    expect(session).toMatchObject({
      ocppVersion: '2.0.1',
      transactionId: 'st-tx-1',
      evseId: 1,
      vehicleId,
      meterStartWh: 20_000,
      meterStopWh: 23_500,
      energyWh: 3500,
      lastSocPercent: 40,
      stopReason: 'EVDisconnected',
      active: false,
    });
    const samples = await app
      .http(viewer)
      .get(`/api/v1/charging-sessions/${session.id as string}/meter-samples`)
      .expect(200);
    expect(samples.body.items.map((s: { energyWh: number }) => s.energyWh)).toEqual([
      20_000, 21_000, 22_000, 23_500, 99_999,
    ]);
    // Only Started names the EVSE (E01.FR.16: the station states it once): every sample is on the transaction's.
    expect(samples.body.items.map((s: { evseId: number | null }) => s.evseId)).toEqual([1, 1, 1, 1, 1]);
  });

  it('TC_E_53_CSMS (2.0.1) seqNo restarting at 0 for a new transaction; offline events with past timestamps land in order', async () => {
    const cs = await connect('TX-201', 'ocpp2.0.1');
    const base = { evse: { id: 2, connectorId: 1 }, offline: true };
    await cs.call('TransactionEvent', {
      eventType: 'Started',
      timestamp: iso(1),
      triggerReason: 'CablePluggedIn',
      seqNo: 0,
      transactionInfo: { transactionId: 'st-tx-2' },
      meterValue: [meter201(1, 100, 0, 10, 'Transaction.Begin')],
      ...base,
    });
    await cs.call('TransactionEvent', {
      eventType: 'Updated',
      timestamp: iso(2),
      triggerReason: 'MeterValuePeriodic',
      seqNo: 1,
      transactionInfo: { transactionId: 'st-tx-2' },
      meterValue: [meter201(2, 600, 0, 12)],
      ...base,
    });
    await cs.call('MeterValues', { evseId: 2, meterValue: [meter201(3, 900, 0, 13)] });
    await eventually(async () => {
      const [session] = (await sessionsOf('chargePointId=TX-201&active=true')).items;
      expect(session).toMatchObject({ transactionId: 'st-tx-2', energyWh: 800, active: true, lastSocPercent: 13 });
    });
    const samples = await app
      .http(viewer)
      .get('/api/v1/chargers/TX-201/meter-samples?from=2026-11-22T06:00:00Z&to=2026-11-22T06:05:00Z')
      .expect(200);
    expect(samples.body.items.map((s: { sampledAt: string }) => s.sampledAt)).toEqual([iso(1), iso(2), iso(3)]);
  });
});
