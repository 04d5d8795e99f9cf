import type { PlanInput, PlanResult } from '@apron/planner';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { addBusWithHeavyTask, FLAT_TARIFF } from '../support/bus-with-task';
import { CHARGER_PASSWORD, eventually, registerCharger } from '../support/ocpp-clients';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { ReceivedProfile, recordReceivedProfiles, takeAll } from './received-profiles';

const START = new Date('2026-11-23T04:00:00Z');
const PHASES = 1;
const VOLTAGE_V = 240;
const CHARGER_KW = 7.4;

/** Per-phase amps for a power (K01.FR.50/51): kW × 1000 / (phases × V), tenths of an ampere rounded down. */
const ampsFor = (kw: number) => Math.floor(((kw * 1000) / (PHASES * VOLTAGE_V)) * 10 + 1e-9) / 10;

/** Issue 6: AC chargers get their limits in amps, from the phases and voltage the fleet manager configured. */
describe.each(['ocpp1.6', 'ocpp2.0.1'] as const)('an AC charger gets amps from phases and voltage (%s)', (protocol) => {
  const clock = new ManualClock(START);
  const identity = protocol === 'ocpp1.6' ? 'AC-16' : 'AC-201';
  let app: TestApp;
  let siteId: string;
  let cp: VirtualChargePoint;
  let received: ReceivedProfile[];

  beforeAll(async () => {
    app = await startTestApp({ clock });
    const admin = app.http(ADMIN_TOKEN);
    let chargerId: string;
    ({ siteId, chargerId } = await registerCharger(app, ADMIN_TOKEN, identity, {
      site: { code: `SITE-${identity}`, timeZone: 'UTC', gridLimitKw: 100, baseLoadKw: 0, tariff: FLAT_TARIFF },
      charger: {
        currentType: 'AC',
        phases: 3,
        voltageV: 230,
        maxKw: CHARGER_KW,
        connectors: [{ connectorId: 1, maxKw: CHARGER_KW }],
      },
    }));
    // The installer finds a single-phase 240 V supply: the admin API corrects the charger before it connects.
    await admin.patch(`/api/v1/chargers/${chargerId}`).send({ phases: PHASES, voltageV: VOLTAGE_V }).expect(200);
    await addBusWithHeavyTask(admin, siteId, identity, new Date(START.getTime() + 60 * 60_000));
    cp = new VirtualChargePoint({
      identity,
      endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
      protocol,
      password: CHARGER_PASSWORD,
      clock,
      reconnect: false,
      connectors: [{ maxPowerKw: CHARGER_KW, currentType: 'AC', phases: PHASES, nominalVoltageV: VOLTAGE_V }],
    });
    received = recordReceivedProfiles(cp);
    await cp.start();
  });
  afterAll(async () => {
    await cp?.stop();
    await app.close();
  });

  it('sets the boot-time safe default in amps per phase', async () => {
    await eventually(async () => expect(received).toHaveLength(1));
    expect(takeAll(received)[0]).toMatchObject({
      purpose: 'StationMax',
      stackLevel: 0,
      rateUnit: 'A',
      limits: [ampsFor(CHARGER_KW)],
      numberPhases: [PHASES],
    });
  });

  it('sends the planned power as amps: kW × 1000 / (phases × voltage)', async () => {
    await cp.plugIn(1, { idTag: `TAG-${identity}`, batteryKwh: 280, socPercent: 20, maxKw: 150 });
    await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`);
      expect(page.body.items[0]?.vehicleId).toBeTruthy();
    });

    const response = await app.http(ADMIN_TOKEN).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    const run = response.body.run as { input: PlanInput; result: PlanResult };
    const plannedNowKw = run.result.charging.find((r) => 'vehicleId' in r && r.vehicleId === `BUS-${identity}`)!.kw[0];
    expect(plannedNowKw).toBeGreaterThan(0);
    expect(plannedNowKw).toBeLessThanOrEqual(CHARGER_KW);

    // Profiles carry power in tenths of a kW.
    const plannedAmps = ampsFor(Math.round(plannedNowKw * 10) / 10);
    const sent = takeAll(received);
    const expected = { rateUnit: 'A', numberPhases: expect.arrayContaining([PHASES]) };
    expect(sent).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'Tx', evseId: 1, ...expected }),
        expect.objectContaining({ purpose: 'StationMax', evseId: 0, stackLevel: 1, ...expected }),
      ]),
    );
    for (const profile of sent) expect(profile.limits[0]).toBe(plannedAmps);
    // The charger turns the amps back into power on its single 240 V phase.
    await eventually(async () => expect(cp.snapshot(1).limitW).toBeCloseTo(plannedAmps * PHASES * VOLTAGE_V, 0));
  });
});
