import { aSite, aVehicle } from '../support/fixtures';
import { fleetVehicles } from '../support/soc-tracking-helpers';
import { BOOT_16, BOOT_201, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { createKey, startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;
/** Half an hour ago, so no sample is in the future for the estimator. */
const t0 = Date.now() - 30 * MINUTE_MS;
const at = (minute: number) => new Date(t0 + minute * MINUTE_MS).toISOString();
/** Register only, no SoC: the vehicle's estimate moves by the counted energy alone. */
const register16 = (minute: number, energyWh: number) => ({
  timestamp: at(minute),
  sampledValue: [{ value: String(energyWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
});
const register201 = (minute: number, energyWh: number) => ({
  timestamp: at(minute),
  sampledValue: [{ value: energyWh, measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }],
});

/**
 * The gateway counts a session's energy once, dropping repeated, retried and out-of-order readings, and SoC tracking
 * takes that count as it is: the vehicle's estimate moves by exactly the session's stored energy.
 */
describe('one energy count for the session and the vehicle it charges', () => {
  let app: TestApp;
  let viewer: string;
  let telemetry: string;
  let siteId: string;
  const clients: TestRpcClient[] = [];

  const connect = async (identity: string, protocol: 'ocpp1.6' | 'ocpp2.0.1') => {
    const client = ocppClient(app, identity, protocol);
    clients.push(client);
    await client.connect();
    await client.call('BootNotification', protocol === 'ocpp1.6' ? BOOT_16 : BOOT_201);
    return client;
  };
  const socOf = async (fleetNumber: string) =>
    (await fleetVehicles(app, viewer, siteId)).get(fleetNumber)!.soc!.socPercent;
  /** A telematics reading before the session; the estimate it gives (the estimator weighs it against its prior). */
  const startingAt = async (fleetNumber: string, socPercent: number) => {
    await app
      .http(telemetry)
      .post('/api/v1/telemetry')
      .send({ readings: [{ vehicle: fleetNumber, time: at(-1), socPercent }] })
      .expect(200);
    return eventually(async () => {
      const estimate = await socOf(fleetNumber);
      expect(Math.abs(estimate - socPercent)).toBeLessThan(1);
      return estimate;
    });
  };
  const sessionEnergyWh = async (chargePointId: string) => {
    const page = await app.http(viewer).get(`/api/v1/charging-sessions?chargePointId=${chargePointId}`).expect(200);
    return page.body.items[0].energyWh as number;
  };

  beforeAll(async () => {
    app = await startTestApp();
    const fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    telemetry = await createKey(app, 'telemetry');
    const site = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'ONE-COUNT' }))
      .expect(201);
    siteId = site.body.id as string;
    await registerCharger(app, fleetManager, 'ONE-16', { siteId });
    await registerCharger(app, fleetManager, 'ONE-201', { siteId });
    for (const n of [1, 2]) {
      await app
        .http(fleetManager)
        .post('/api/v1/vehicles')
        .send(aVehicle(siteId, { fleetNumber: `BUS-E${n}`, idTag: `TAG-E${n}`, batteryKwh: 200, chargeEfficiency: 1 }))
        .expect(201);
    }
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await app.close();
  });

  it('1.6: 20.0 kWh stored with repeated and older readings, and the bus gains exactly that', async () => {
    const before = await startingAt('BUS-E1', 40);
    const cp = await connect('ONE-16', 'ocpp1.6');
    const { transactionId } = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TAG-E1',
      meterStart: 1000,
      timestamp: at(0),
    })) as { transactionId: number };
    const meterValues = (values: ReturnType<typeof register16>[]) =>
      cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: values });
    await meterValues([register16(5, 6000)]);
    await meterValues([register16(5, 6000)]);
    await meterValues([register16(3, 3000)]);
    await meterValues([register16(10, 11_000), register16(10, 11_000)]);
    await cp.call('StopTransaction', { transactionId, meterStop: 21_000, timestamp: at(15), reason: 'EVDisconnected' });

    await eventually(async () => expect(await sessionEnergyWh('ONE-16')).toBe(20_000));
    // 20 kWh of a 200 kWh battery: 10 points, not one Wh more.
    await eventually(async () => expect((await socOf('BUS-E1')) - before).toBeCloseTo(10, 6));
  });

  it('2.0.1: 15.0 kWh stored with a retried seqNo, and the bus gains exactly that', async () => {
    const before = await startingAt('BUS-E2', 30);
    const cs = await connect('ONE-201', 'ocpp2.0.1');
    const event = (seqNo: number, eventType: string, minute: number, energyWh: number, extra = {}) => ({
      eventType,
      timestamp: at(minute),
      triggerReason:
        eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'EVDeparted' : 'MeterValuePeriodic',
      seqNo,
      transactionInfo: { transactionId: 'one-count-1' },
      meterValue: [register201(minute, energyWh)],
      ...extra,
    });
    await cs.call(
      'TransactionEvent',
      event(0, 'Started', 0, 0, { evse: { id: 1, connectorId: 1 }, idToken: { idToken: 'TAG-E2', type: 'ISO14443' } }),
    );
    const updated = event(1, 'Updated', 5, 5000);
    await cs.call('TransactionEvent', updated);
    await cs.call('TransactionEvent', updated);
    await cs.call('TransactionEvent', event(2, 'Updated', 10, 10_000));
    await cs.call('TransactionEvent', event(3, 'Ended', 15, 15_000));

    await eventually(async () => expect(await sessionEnergyWh('ONE-201')).toBe(15_000));
    // 15 kWh of a 200 kWh battery: 7.5 points.
    await eventually(async () => expect((await socOf('BUS-E2')) - before).toBeCloseTo(7.5, 6));
  });
});
