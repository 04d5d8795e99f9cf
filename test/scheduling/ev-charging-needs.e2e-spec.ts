import type { PlanInput, PlanResult } from '@apron/planner';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { CHARGER_PASSWORD, eventually, registerCharger } from '../support/ocpp-clients';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';
import { recordReceivedProfiles } from './received-profiles';

const START = new Date('2026-11-23T04:00:00Z');
/** Later than the site's default dwell (45 minutes) would put it. */
const DEPARTURE = new Date(START.getTime() + 100 * 60_000);
const flatTariff = {
  currency: 'EUR',
  timeOfUse: [
    { band: 'flat', startLocal: '00:00', endLocal: '12:00', pricePerKwh: 0.3 },
    { band: 'flat', startLocal: '12:00', endLocal: '00:00', pricePerKwh: 0.3 },
  ],
};

/**
 * Issue 6 / DESIGN.md §1: on a highway site a public EV's needs come from ISO 15118 through OCPP 2.0.1
 * NotifyEVChargingNeeds (K15, K17), not from the site defaults (60 kWh, 30 % to 80 %, 45 minutes' dwell).
 */
describe('charging needs from 2.0.1 NotifyEVChargingNeeds reach the plan (K15)', () => {
  const clock = new ManualClock(START);
  const identity = 'NEEDS-201';
  let app: TestApp;
  let siteId: string;
  let viewer: string;
  let cp: VirtualChargePoint;

  beforeAll(async () => {
    app = await startTestApp({ clock });
    viewer = await createKey(app, 'viewer');
    ({ siteId } = await registerCharger(app, ADMIN_TOKEN, identity, {
      site: {
        code: 'SITE-NEEDS',
        kind: 'highway',
        timeZone: 'UTC',
        gridLimitKw: 300,
        baseLoadKw: 0,
        demandChargePerKw: 0,
        unknownIdTagPolicy: 'accept',
        tariff: flatTariff,
      },
    }));
    cp = new VirtualChargePoint({
      identity,
      endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
      protocol: 'ocpp2.0.1',
      password: CHARGER_PASSWORD,
      clock,
      reconnect: false,
      connectors: [
        { maxPowerKw: 150, currentType: 'DC' },
        { maxPowerKw: 150, currentType: 'DC' },
      ],
    });
    await cp.start();
  });
  afterAll(async () => {
    await cp?.stop();
    await app.close();
  });

  it('plans the session with the departure, battery, SoC, target and power the car sent', async () => {
    // The station forwards the car's needs once the transaction has started: DC parameters with energyAmount
    // (90 % - 40 %) x 75 kWh = 37.5 kWh, stateOfCharge 40, evEnergyCapacity 75 kWh, evMaxPower 120 kW.
    await cp.plugIn(1, {
      idTag: 'PUBLIC-EV-1',
      batteryKwh: 75,
      socPercent: 40,
      maxKw: 120,
      iso15118: { departureTime: DEPARTURE, targetSocPercent: 90 },
    });
    const session = await eventually(async () => {
      const page = await app.http(viewer).get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`);
      expect(page.body.items[0]).toMatchObject({ evDepartureAt: DEPARTURE.toISOString(), evEnergyAmountWh: 37_500 });
      return page.body.items[0] as { id: string };
    });
    const received = recordReceivedProfiles(cp);

    const solved = await app.http(ADMIN_TOKEN).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    expect(solved.body.ran).toBe(true);
    const run = (await app.http(viewer).get(`/api/v1/sites/${siteId}/plan-runs/${solved.body.run.id}`).expect(200))
      .body as { input: PlanInput; result: PlanResult };

    expect(run.input.sessions).toEqual([
      {
        id: session.id,
        chargerId: identity,
        batteryKwh: 75,
        socPercent: 40,
        targetSocPercent: 90,
        departure: DEPARTURE.toISOString(),
        maxChargeKw: 120,
      },
    ]);
    // 37.5 kWh by the departure: the plan charges the car, and the station gets its TxProfile (K15.FR.07).
    const row = run.result.charging.find((r) => 'sessionId' in r && r.sessionId === session.id)!;
    expect(row.kw.reduce((sum, kw) => sum + kw, 0)).toBeGreaterThan(0);
    expect(received).toContainEqual(expect.objectContaining({ purpose: 'Tx', evseId: 1, stackLevel: 1 }));
  });
});
