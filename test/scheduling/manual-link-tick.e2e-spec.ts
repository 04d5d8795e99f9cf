import { StoredRun } from './simulated-depot-site';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { addBusWithHeavyTask, FLAT_TARIFF } from '../support/bus-with-task';
import { CHARGER_PASSWORD, eventually, registerCharger } from '../support/ocpp-clients';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

/**
 * A bus plugs in with a card no vehicle has (the depot accepts unknown cards), a dispatcher links the session to the
 * bus, and the next tick charges it at the plan's power: the link is on the one session record the plan applier
 * reads, so the profile reaches the charger (it used to get 0 kW when only fleet state's copy knew the link).
 */
describe.each(['ocpp1.6', 'ocpp2.0.1'] as const)('a session linked by hand through a real tick (%s)', (protocol) => {
  let app: TestApp;
  let cp: VirtualChargePoint;
  let siteId: string;
  const identity = protocol === 'ocpp1.6' ? 'LINK-16' : 'LINK-201';

  beforeAll(async () => {
    app = await startTestApp();
    const admin = app.http(ADMIN_TOKEN);
    ({ siteId } = await registerCharger(app, ADMIN_TOKEN, identity, {
      site: { gridLimitKw: 100, baseLoadKw: 0, tariff: FLAT_TARIFF, unknownIdTagPolicy: 'accept' },
    }));
    // The bus takes at most 40 kW, below the charger's 100 kW safe default: drawing 40 kW shows the plan's profile
    // holds (a profile missing the link would leave 100 kW, one sent to no vehicle 0 kW).
    await addBusWithHeavyTask(admin, siteId, identity, new Date(Date.now() + 45 * 60_000), {
      minSocPercent: 20,
      maxChargeKw: 40,
    });
    cp = new VirtualChargePoint({
      identity,
      endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
      protocol,
      password: CHARGER_PASSWORD,
      clock: new ManualClock(new Date()),
      reconnect: false,
      connectors: [{ maxPowerKw: 150, currentType: 'DC' }],
    });
    await cp.start();
  });
  afterAll(async () => {
    await cp?.stop();
    await app.close();
  });

  it('charges the linked bus at its planned power', async () => {
    expect(await cp.plugIn(1, { idTag: 'NEW-CARD', batteryKwh: 280, socPercent: 20, maxKw: 150 })).toBeTruthy();
    const sessionId = await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`);
      expect(page.body.items[0]).toMatchObject({ vehicleId: null });
      return page.body.items[0].id as string;
    });
    await eventually(async () => expect(cp.snapshot(1).powerW).toBe(100_000));

    await app
      .http(ADMIN_TOKEN)
      .post(`/api/v1/sessions/${sessionId}/vehicle`)
      .send({ vehicle: `BUS-${identity}` })
      .expect(200);
    const response = await app.http(ADMIN_TOKEN).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    const run = response.body.run as StoredRun;

    expect(run.input.vehicles![0]).toMatchObject({ id: `BUS-${identity}`, pluggedInto: identity });
    expect(run.input.sessions ?? []).toEqual([]);
    const row = run.result.charging.find((r) => 'vehicleId' in r && r.vehicleId === `BUS-${identity}`)!;
    const plannedNowKw = row.kw[0];
    expect(plannedNowKw).toBeCloseTo(40, 6);
    await eventually(async () => expect(cp.snapshot(1).powerW / 1000).toBeCloseTo(plannedNowKw, 0));
  });
});
