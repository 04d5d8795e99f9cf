import type { PlanInput, PlanResult } from '@apron/planner';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import type { FaultOptions } from '../../libs/simulator/src/charge-point/charge-point-host';
import { SCHEDULING_OPTIONS, SchedulingOptions } from '../../src/scheduling/scheduling-options';
import { StreamReader } from '../dispatch/sse-reader';
import { addBusWithHeavyTask, FLAT_TARIFF } from '../support/bus-with-task';
import { CHARGER_PASSWORD, eventually, registerCharger } from '../support/ocpp-clients';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { ReceivedProfile, recordReceivedProfiles, takeAll } from './received-profiles';

const START = new Date('2026-11-23T04:00:00Z');
const GRID_LIMIT_KW = 40;
const BASE_LOAD_KW = 4;
const OBEDIENT_KW = 50;
/** The refusing charger's rating as registered in Apron. */
const REFUSING_KW = 20;

interface Variant {
  protocol: 'ocpp1.6' | 'ocpp2.0.1';
  answer: NonNullable<FaultOptions['refuseChargingProfiles']>;
  /** From boot on (its safe default is refused), or only from the first plan profile on. */
  refusesFrom: 'boot' | 'first-plan';
  /** How control comes back: the retry interval passes on the shared clock, or the charger reboots. */
  resumesBy: 'retry' | 'reboot';
  /** What the refusing charger's hardware can deliver: more than its registered rating shows only on its meter. */
  hardwareKw: number;
}

/**
 * Issue 15, "chargers that do not obey": a charger that answers SetChargingProfile with a CALLERROR NotImplemented
 * (K01.FR.29: a station without smart charging) or Rejected (1.6 §5.16) was sent the same profiles every tick and
 * still counted as controllable, and a 40 kW site drew 44 kW. A real service, two virtual chargers on loopback
 * websockets and one simulated clock.
 */
describe.each<Variant>([
  { protocol: 'ocpp2.0.1', answer: 'NotImplemented', refusesFrom: 'boot', resumesBy: 'retry', hardwareKw: 24 },
  { protocol: 'ocpp1.6', answer: 'Rejected', refusesFrom: 'first-plan', resumesBy: 'reboot', hardwareKw: 20 },
])('a charger that refuses its profiles ($answer, $protocol) is planned as uncontrolled load', (variant) => {
  const clock = new ManualClock(START);
  const tag = variant.protocol === 'ocpp1.6' ? '16' : '201';
  const obedientId = `OBEY-${tag}`;
  const refusingId = `REFUSE-${tag}`;
  let app: TestApp;
  let siteId: string;
  let obedient: VirtualChargePoint;
  let refusing: VirtualChargePoint;
  let toObedient: ReceivedProfile[];
  let toRefusing: ReceivedProfile[];
  let stream: StreamReader;
  let retryMinutes: number;

  const chargePoint = (identity: string, maxPowerKw: number, faults: FaultOptions = {}) =>
    new VirtualChargePoint({
      identity,
      endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
      protocol: variant.protocol,
      password: CHARGER_PASSWORD,
      clock,
      reconnect: false,
      connectors: [{ maxPowerKw, currentType: 'DC' }],
      faults,
    });

  async function tick(): Promise<{ input: PlanInput; result: PlanResult; notes: string[] }> {
    const response = await app.http(ADMIN_TOKEN).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    if (!response.body.ran) throw new Error(`no tick ran: ${response.body.reason}`);
    return response.body.run;
  }

  async function plugIn(cp: VirtualChargePoint, identity: string): Promise<void> {
    await cp.plugIn(1, { idTag: `TAG-${identity}`, batteryKwh: 280, socPercent: 20, maxKw: 150 });
    await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`);
      expect(page.body.items[0]?.vehicleId).toBeTruthy();
    });
  }

  const uncontrolledAlerts = (event: 'alert.raised' | 'alert.cleared') =>
    stream.frames.filter(
      (frame) =>
        frame.event === event &&
        JSON.parse(frame.data!).alert.code === 'charger-uncontrolled' &&
        JSON.parse(frame.data!).alert.chargerId === refusingId,
    );
  /** What the plan counts the refusing charger at: its registered rating while charging, or what it meters if more. */
  const expectedCountedKw = () => Math.max(REFUSING_KW, refusing.snapshot(1).powerW / 1000);
  const plannedKw = (run: { result: PlanResult }, fleetNumber: string) =>
    run.result.charging.filter((row) => 'vehicleId' in row && row.vehicleId === fleetNumber).flatMap((row) => row.kw);

  beforeAll(async () => {
    app = await startTestApp({ clock });
    retryMinutes = app.app.get<SchedulingOptions>(SCHEDULING_OPTIONS).controlRetryMinutes;
    const admin = app.http(ADMIN_TOKEN);
    const site = {
      code: `SITE-DISOBEY-${tag}`,
      timeZone: 'UTC',
      gridLimitKw: GRID_LIMIT_KW,
      baseLoadKw: BASE_LOAD_KW,
      demandChargePerKw: 0,
      tariff: FLAT_TARIFF,
    };
    const charger = (kw: number) => ({ maxKw: kw, connectors: [{ connectorId: 1, maxKw: kw }] });
    ({ siteId } = await registerCharger(app, ADMIN_TOKEN, obedientId, { site, charger: charger(OBEDIENT_KW) }));
    await registerCharger(app, ADMIN_TOKEN, refusingId, { siteId, charger: charger(REFUSING_KW) });
    const taskStart = new Date(START.getTime() + 3 * 3600_000);
    await addBusWithHeavyTask(admin, siteId, obedientId, taskStart);
    await addBusWithHeavyTask(admin, siteId, refusingId, taskStart);
    stream = new StreamReader(`${app.baseUrl}/api/v1/sites/${siteId}/stream`, {
      Authorization: `Bearer ${ADMIN_TOKEN}`,
    });
    await stream.waitFor((frame) => frame.comment === 'connected');

    obedient = chargePoint(obedientId, OBEDIENT_KW);
    toObedient = recordReceivedProfiles(obedient);
    const refusesAtBoot = variant.refusesFrom === 'boot' ? { refuseChargingProfiles: variant.answer } : {};
    refusing = chargePoint(refusingId, variant.hardwareKw, refusesAtBoot);
    toRefusing = recordReceivedProfiles(refusing);
    await obedient.start();
    await refusing.start();
    // Both get the safe default at boot; the one refusing from boot refuses it.
    await eventually(async () => expect(toObedient).toHaveLength(1));
    await eventually(async () => expect(toRefusing).toHaveLength(1));
    takeAll(toObedient);
    takeAll(toRefusing);
    refusing.faults.refuseChargingProfiles = variant.answer;
    await plugIn(obedient, obedientId);
    await plugIn(refusing, refusingId);
    // A minute of charging: the refusing charger's meter reports what it draws.
    await clock.advance(60_000);
    await eventually(async () => {
      const samples = await app.http(ADMIN_TOKEN).get(`/api/v1/chargers/${refusingId}/meter-samples`).expect(200);
      expect(samples.body.items.some((sample: { powerW: number | null }) => (sample.powerW ?? 0) > 0)).toBe(true);
    });
  });
  afterAll(async () => {
    stream?.close();
    await obedient?.stop();
    await refusing?.stop();
    await app.close();
  });

  it('after the refusal, the next plan leaves the charger out, counts its full rating (or what it meters, if more) as fixed load and keeps the site within 40 kW', async () => {
    if (variant.refusesFrom === 'first-plan') {
      // The first plan still counts on the charger: it refuses the first profile, and gets no other that tick.
      await tick();
      expect(takeAll(toRefusing)).toHaveLength(1);
      takeAll(toObedient);
    }

    const countedKw = expectedCountedKw();
    const obedientShareKw = GRID_LIMIT_KW - BASE_LOAD_KW - countedKw;
    const run = await tick();
    expect(run.input.chargers.map((charger) => charger.id)).toEqual([obedientId]);
    expect(run.input.site.baseLoadKw).toBe(BASE_LOAD_KW + countedKw);
    expect(run.input.vehicles!.find((vehicle) => vehicle.id === `BUS-${refusingId}`)?.pluggedInto).toBeUndefined();
    expect(run.notes).toContainEqual(
      expect.stringContaining(`charger ${refusingId} refuses Apron's charging profiles (${variant.answer})`),
    );
    expect(Math.max(...plannedKw(run, `BUS-${obedientId}`))).toBeGreaterThan(0);
    expect(run.result.charging.filter((row) => row.chargerId === refusingId)).toEqual([]);
    for (const kw of run.result.sitePowerKw) expect(kw).toBeLessThanOrEqual(obedientShareKw + 1e-6);

    // On the wire: the obedient charger is capped at its share, the refusing one is sent nothing.
    for (const profile of takeAll(toObedient)) expect(profile.limits[0]).toBeLessThanOrEqual(obedientShareKw * 1000);
    expect(takeAll(toRefusing)).toEqual([]);
    await clock.advance(60_000);
    await eventually(async () => {
      expect(obedient.snapshot(1).limitW).toBeLessThanOrEqual(obedientShareKw * 1000);
      expect(refusing.snapshot(1).powerW).toBeGreaterThan(0);
      expect(refusing.snapshot(1).powerW).toBeLessThanOrEqual(variant.hardwareKw * 1000);
      const drawnKw = (obedient.snapshot(1).powerW + refusing.snapshot(1).powerW) / 1000;
      expect(BASE_LOAD_KW + drawnKw).toBeLessThanOrEqual(GRID_LIMIT_KW + 1e-6);
    });
  });

  it('sends the refusing charger nothing tick after tick, and alerts the dispatcher once, in operator language', async () => {
    for (let i = 0; i < 3; i++) {
      await clock.advance(60_000);
      const run = await tick();
      expect(run.input.chargers.map((charger) => charger.id)).toEqual([obedientId]);
    }
    expect(takeAll(toRefusing)).toEqual([]);

    await stream.waitFor((frame) => uncontrolledAlerts('alert.raised').includes(frame));
    const board = await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${siteId}/alerts`).expect(200);
    const current = board.body.current.filter((alert: { code: string }) => alert.code === 'charger-uncontrolled');
    expect(current).toEqual([
      expect.objectContaining({
        chargerId: refusingId,
        message: expect.stringContaining(
          `charger ${refusingId} refuses Apron's power limits (${variant.answer}): counted at its full ${REFUSING_KW} kW`,
        ),
      }),
    ]);
    // Every tick re-derives the alerts; one that persists is not raised again.
    await clock.advance(60_000);
    await tick();
    await stream.waitFor(
      (frame) => frame.event === 'plan.applied' && JSON.parse(frame.data!).tickAt === clock.now().toISOString(),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(uncontrolledAlerts('alert.raised')).toHaveLength(1);
  });

  if (variant.resumesBy === 'retry') {
    it('asks again once the retry interval passes; refused, it waits another interval', async () => {
      // It refused its safe default at boot, at START.
      const retryAtMs = START.getTime() + retryMinutes * 60_000;
      await clock.advance(retryAtMs - 60_000 - clock.now().getTime());
      await tick();
      expect(takeAll(toRefusing)).toEqual([]);

      await clock.advance(60_000);
      const retried = await tick();
      // The retry is a station cap at the power the plan counts the charger at: it never adds load.
      const countedW = (retried.input.site.baseLoadKw! - BASE_LOAD_KW) * 1000;
      expect(countedW).toBe(expectedCountedKw() * 1000);
      expect(takeAll(toRefusing)).toEqual([
        expect.objectContaining({ purpose: 'StationMax', evseId: 0, stackLevel: 1, limits: [countedW] }),
      ]);
      await clock.advance(60_000);
      await tick();
      expect(takeAll(toRefusing)).toEqual([]);
    });

    it('takes control back when a retry is accepted: the charger is planned again and the alert clears', async () => {
      refusing.faults.refuseChargingProfiles = undefined;
      await clock.advance(retryMinutes * 60_000);
      const retried = await tick();
      expect(retried.notes).toContainEqual(`${refusingId}: takes Apron's profiles again: planned from the next tick`);
      expect(takeAll(toRefusing)).toHaveLength(1);
      await expectControlResumed();
    });
  } else {
    it('takes control back after the charger reboots and accepts: planned again, and the alert clears', async () => {
      await refusing.stop();
      refusing = chargePoint(refusingId, variant.hardwareKw);
      toRefusing = recordReceivedProfiles(refusing);
      await refusing.start();
      await eventually(async () => expect(toRefusing).toHaveLength(1));
      takeAll(toRefusing);
      await plugIn(refusing, refusingId);
      await expectControlResumed();
    });
  }

  async function expectControlResumed(): Promise<void> {
    await clock.advance(60_000);
    const run = await tick();
    expect(run.input.chargers.map((charger) => charger.id).sort()).toEqual([obedientId, refusingId].sort());
    expect(run.input.site.baseLoadKw).toBe(BASE_LOAD_KW);
    expect(takeAll(toRefusing)).toContainEqual(expect.objectContaining({ purpose: 'Tx', evseId: 1, stackLevel: 1 }));
    for (let slot = 0; slot < run.result.sitePowerKw.length; slot++) {
      expect(run.result.sitePowerKw[slot] + BASE_LOAD_KW).toBeLessThanOrEqual(GRID_LIMIT_KW + 1e-6);
    }
    await stream.waitFor((frame) => uncontrolledAlerts('alert.cleared').includes(frame));
    const board = await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${siteId}/alerts`).expect(200);
    expect(board.body.current.map((alert: { code: string }) => alert.code)).not.toContain('charger-uncontrolled');
    expect(uncontrolledAlerts('alert.raised')).toHaveLength(1);
  }
});
