import request from 'supertest';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { DepotEvent, DepotSample, VirtualDepot } from '../../libs/simulator/src/depot';
import { TaskCompletions } from '../../src/soc-tracking/tasks/task-completions';
import { SiteTickService } from '../../src/scheduling/site-tick.service';
import { LoopbackProxy } from '../support/loopback-proxy';
import { eventually } from '../support/ocpp-clients';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';
import {
  BASE_LOAD_KW,
  BATTERY_KWH,
  CHARGERS,
  CHEAP_UNTIL,
  createDepotSite,
  DepotSite,
  depotPlanOf,
  GRID_LIMIT_KW,
  RESERVE_PERCENT,
  SIM_START,
  StoredRun,
  TASKS,
  virtualChargers,
  virtualDepot,
} from './simulated-depot-site';

/**
 * Issue 6 end to end: the real service on a simulated clock drives 6 virtual buses on 3 virtual chargers through a
 * morning of flights in 5-minute ticks (solve-now, then the depot acts and is metered every simulated minute), with a
 * pin, an out-of-service bus, a charger going offline, a failing solver and two restarts on the way.
 */
interface FleetVehicle {
  fleetNumber: string;
  plugged: { chargePointId: string } | null;
  soc: { socPercent: number; lastDirectReading: { source: string } | null } | null;
}

interface Alert {
  code: string;
  chargerId?: string;
}

const STEP_MINUTES = 5;
const AVAILABLE_KW = GRID_LIMIT_KW - BASE_LOAD_KW;
/** Profiles carry power rounded to 0.1 kW per session. */
const ROUNDING_KW = 1;
/**
 * Largest gap seen here between the service's SoC estimate of a bus and its real SoC (SIM_DEPOT_FIGURES): SoC
 * reaches the service rounded (0.1 % in meter values, whole percent in 2.0.1 charging needs) and between readings
 * the estimate follows metered energy; so the SoC a plan gives a bus when it leaves may be off by this much.
 */
const ESTIMATE_ERROR_PERCENT = 3;
const day = SIM_START.toISOString().slice(0, 10);
const at = (hhmm: string) => new Date(`${day}T${hhmm}:00Z`);

describe('simulated depot: the scheduling loop over a morning on a simulated clock', () => {
  const clock = new ManualClock(SIM_START);
  let proxy: LoopbackProxy;
  let app: TestApp;
  let site: DepotSite;
  let dispatcher: string;
  let chargers: VirtualChargePoint[];
  let depot: VirtualDepot;
  const samples: DepotSample[] = [];
  const events: DepotEvent[] = [];
  const runs: StoredRun[] = [];
  /** Where each bus was, and its SoC, when each run was solved (same index as `runs`). */
  const fleetAtRun: Record<string, { where: string; socPercent: number }>[] = [];
  const done = new Set<string>();
  /** The charger that goes offline: the one delivering most when it happens. */
  let offlineId = '';
  let offlineDeliveredKw = 0;
  let offlineAfterStepKw = 0;
  /** Index in `runs` of the first run solved after the charger went offline. */
  let firstRunOffline = -1;

  const base = () => `/api/v1/sites/${site.siteId}`;
  const lastRun = () => runs[runs.length - 1];
  const vehiclesOn = (run: StoredRun, taskId: string) =>
    run.result.assignments.filter((a) => a.taskId === taskId).map((a) => a.vehicleId);
  const alerts = async (): Promise<Alert[]> =>
    (await app.http(dispatcher).get(`${base()}/alerts`).expect(200)).body.current as Alert[];

  async function tick(): Promise<StoredRun> {
    const response = await app.http(dispatcher).post(`${base()}/solve-now`).expect(200);
    if (!response.body.ran) throw new Error(`no tick ran: ${response.body.reason}`);
    const run = response.body.run as StoredRun;
    // A kept plan changes nothing: the depot goes on with the plan it follows.
    if (run.applied !== 'kept-last') depot.follow(depotPlanOf(run));
    runs.push(run);
    fleetAtRun.push(
      Object.fromEntries(
        depot.buses.map((bus) => {
          const where = bus.where.kind === 'plugged' ? bus.where.chargePointId : bus.where.kind;
          return [bus.id, { where, socPercent: depot.socPercentOf(bus.id) }];
        }),
      ),
    );
    return run;
  }

  /** What a dispatcher (or the telematics gateway) records: which buses left for a task, and when it is done. */
  async function report(stepEvents: DepotEvent[]): Promise<void> {
    for (const event of stepEvents) {
      if (event.kind === 'departed') {
        // TestApp.http has no put.
        await request(app.baseUrl)
          .put(`/api/v1/tasks/${site.taskIds[event.taskId]}/vehicles`)
          .set('Authorization', `Bearer ${dispatcher}`)
          .send({ vehicles: depot.servedBy(event.taskId) })
          .expect(200);
      }
      if (event.kind === 'returned') {
        const stillAway = depot.servedBy(event.taskId).some((id) => depot.bus(id).where.kind === 'away');
        if (stillAway || done.has(event.taskId)) continue;
        done.add(event.taskId);
        await app.http(dispatcher).post(`${base()}/tasks/${site.taskIds[event.taskId]}/done`).expect(200);
      }
    }
  }

  /**
   * Simulated minutes pass in milliseconds, faster than the service's batched writes: before the next tick, wait (as
   * real minutes would) until fleet state shows every bus at an online charger plugged in where it is.
   */
  async function serviceCaughtUp(): Promise<void> {
    const expected = depot.buses.flatMap((bus) => {
      const where = bus.where;
      if (where.kind !== 'plugged' || !chargers.find((c) => c.identity === where.chargePointId)!.online) return [];
      return [`${bus.id}@${where.chargePointId}`];
    });
    await eventually(async () => {
      const fleet = await app.http(dispatcher).get(`/api/v1/fleet/vehicles?siteId=${site.siteId}`).expect(200);
      const shown = (fleet.body.items as FleetVehicle[]).map((v) => `${v.fleetNumber}@${v.plugged?.chargePointId}`);
      expect(shown).toEqual(expect.arrayContaining(expected));
    }, 10_000);
    // Fleet state books a done task's energy on a 30 s timer (APRON_FLEET_TASK_POLL_MS), which five real minutes
    // would have run ten times; without it the next tick plans a returned bus with its SoC from before the task.
    await app.app.get(TaskCompletions).runOnce();
  }

  /** One tick, then five simulated minutes of the depot. */
  async function step(): Promise<StoredRun> {
    const run = await tick();
    const moved = await depot.step(STEP_MINUTES);
    samples.push(...moved.samples);
    events.push(...moved.events);
    await report(moved.events);
    await serviceCaughtUp();
    return run;
  }

  async function runUntil(hhmm: string): Promise<void> {
    while (clock.now().getTime() < at(hhmm).getTime()) await step();
  }

  async function restartService(env: Record<string, string> = {}): Promise<void> {
    await app.stopService();
    proxy.pointAt(undefined);
    app = await startTestApp({ database: app.database, clock, env });
    await warmUp(app);
    proxy.pointAt(Number(new URL(app.baseUrl).port));
    for (const cp of chargers.filter((c) => c.identity !== offlineId)) {
      await eventually(async () => {
        const state = await app.http(dispatcher).get(`/api/v1/chargers/${cp.identity}/connection`).expect(200);
        expect(state.body.online).toBe(true);
      }, 15_000);
    }
  }

  /**
   * A running service warms its planner at start-up (scheduler on); this one runs with the scheduler off, so warm it
   * here as production does: on cold WASM a loaded machine's first ticks hit the near-window MIP's cap, and the test
   * then followed a different planner path than a running service would.
   */
  async function warmUp(service: TestApp): Promise<void> {
    await service.app.get(SiteTickService).warmUpPlanner();
  }

  async function activeTransactions(): Promise<string[]> {
    const page = await app.http(dispatcher).get(`/api/v1/charging-sessions?siteId=${site.siteId}&active=true`);
    return (page.body.items as { chargePointId: string; transactionId: string }[])
      .filter((s) => s.chargePointId !== offlineId)
      .map((s) => `${s.chargePointId}:${s.transactionId}`)
      .sort();
  }

  beforeAll(async () => {
    proxy = await LoopbackProxy.start();
    app = await startTestApp({ clock });
    await warmUp(app);
    proxy.pointAt(Number(new URL(app.baseUrl).port));
    site = await createDepotSite(app, ADMIN_TOKEN);
    dispatcher = await createKey(app, 'dispatcher');
    chargers = virtualChargers(clock, proxy.ocppEndpoint);
    await Promise.all(chargers.map((cp) => cp.start()));
    // A real charger is capped within milliseconds of its boot; simulated time waits for that too.
    await eventually(async () => {
      for (const cp of chargers) expect(cp.profiles.all().map((p) => p.purpose)).toContain('StationMax');
    });
    depot = virtualDepot(clock, chargers);
    events.push(...(await depot.settle()));
    // Two simulated minutes under the boot-time safe default: every bus reports its SoC in a meter value.
    samples.push(...(await depot.step(2)).samples);
    await eventually(async () => {
      const fleet = await app.http(ADMIN_TOKEN).get(`/api/v1/fleet/vehicles?siteId=${site.siteId}`).expect(200);
      const read = fleet.body.items.filter((v: FleetVehicle) => v.soc?.lastDirectReading?.source === 'charger');
      expect(read).toHaveLength(6);
    });
  }, 60_000);

  afterAll(async () => {
    for (const cp of chargers ?? []) await cp.stop().catch(() => undefined);
    await app?.close();
    await proxy?.close();
  });

  it('plans every plugged bus from the first tick, within the grid limit', async () => {
    const run = await step();
    expect(run.applied).toBe('new');
    expect(run.input.chargers.map((c) => c.id)).toEqual(['SIM-CP1', 'SIM-CP2', 'SIM-CP3']);
    expect(run.input.vehicles?.every((v) => v.pluggedInto)).toBe(true);
    expect(Math.max(...run.result.sitePowerKw)).toBeLessThanOrEqual(AVAILABLE_KW + 1e-6);
  });

  let pinned: string;
  let outOfService: string;
  it('honours a dispatcher pin and an out-of-service bus on the next tick', async () => {
    await runUntil('04:20');
    const before = lastRun();
    pinned = depot.buses.map((b) => b.id).find((id) => !vehiclesOn(before, 'CZ3117').includes(id))!;
    const soon = new Set(['CZ3101', 'CZ3105']);
    outOfService = depot.buses
      .map((b) => b.id)
      .find((id) => id !== pinned && !before.result.assignments.some((a) => a.vehicleId === id && soon.has(a.taskId)))!;
    await app
      .http(dispatcher)
      .post(`${base()}/tasks/${site.taskIds.CZ3117}/pins`)
      .send({ vehicle: pinned })
      .expect(200);
    await app
      .http(dispatcher)
      .post(`${base()}/vehicles/${site.vehicleIds[outOfService]}/out-of-service`)
      .send({ reason: 'door fault' })
      .expect(200);

    const next = await step();
    expect(next.input.tasks?.find((t) => t.id === 'CZ3117')?.pinnedVehicles).toEqual([pinned]);
    expect(vehiclesOn(next, 'CZ3117')).toContain(pinned);
    expect(next.input.vehicles?.map((v) => v.id)).not.toContain(outOfService);
    expect(next.result.assignments.map((a) => a.vehicleId)).not.toContain(outOfService);
    // Its charger holds it at 0 kW: the plan has no energy for a bus out of service.
    const where = depot.bus(outOfService).where;
    if (where.kind === 'plugged') {
      expect(chargers.find((c) => c.identity === where.chargePointId)!.snapshot(where.connectorId).powerW).toBe(0);
    }

    await runUntil('04:45');
    await app.http(dispatcher).post(`${base()}/vehicles/${site.vehicleIds[outOfService]}/in-service`).expect(200);
    expect((await step()).input.vehicles?.map((v) => v.id)).toContain(outOfService);
  }, 60_000);

  let stranded: string[];
  /** Stranded buses that could not do their next planned task above reserve without charging first. */
  let strandedNeedingEnergy: string[];
  it('drops a charger that goes offline from every later plan; its buses charge elsewhere or are reported', async () => {
    await runUntil('05:25');
    const deliveredKw = (cp: VirtualChargePoint) =>
      cp.connectors.reduce((kw, c) => kw + cp.snapshot(c.id).powerW, 0) / 1000;
    const offline = [...chargers].sort((a, b) => deliveredKw(b) - deliveredKw(a))[0];
    offlineId = offline.identity;
    offlineDeliveredKw = deliveredKw(offline);
    stranded = depot.buses
      .filter((b) => b.where.kind === 'plugged' && b.where.chargePointId === offlineId)
      .map((b) => b.id);
    expect(stranded.length).toBeGreaterThan(0);
    // A stranded bus needs energy when, without charging, its next task in the last plan would take it below reserve.
    const planBefore = lastRun();
    strandedNeedingEnergy = stranded.filter((bus) => {
      const next = planBefore.result.assignments
        .filter((a) => a.vehicleId === bus)
        .map((a) => planBefore.input.tasks?.find((t) => t.id === a.taskId))
        .filter((t) => t !== undefined && Date.parse(t.start) > clock.now().getTime())
        .sort((a, b) => Date.parse(a!.start) - Date.parse(b!.start))[0];
      const taskPercent = ((next?.energyKwhPerVehicle ?? 0) / BATTERY_KWH) * 100;
      return next !== undefined && depot.socPercentOf(bus) - taskPercent < RESERVE_PERCENT;
    });
    await offline.stop();
    await eventually(async () => {
      const state = await app.http(dispatcher).get(`/api/v1/chargers/${offlineId}/connection`).expect(200);
      expect(state.body.online).toBe(false);
    });

    firstRunOffline = runs.length;
    const next = await step();
    offlineAfterStepKw = deliveredKw(offline);
    expect(next.input.chargers.map((c) => c.id)).toEqual(
      CHARGERS.map((c) => c.identity).filter((id) => id !== offlineId),
    );
    expect(next.notes).toContain(`charger ${offlineId} is offline: left out of the plan`);
    expect(next.result.charging.map((row) => row.chargerId)).not.toContain(offlineId);
    for (const bus of stranded) {
      expect(next.input.vehicles?.find((v) => v.id === bus)?.pluggedInto).toBeUndefined();
    }
    expect(await alerts()).toContainEqual(expect.objectContaining({ code: 'charger-offline', chargerId: offlineId }));

    await runUntil('05:45');
    expectOfflineChargerUnused();
    expectStrandedReported();
  }, 60_000);

  /** From the outage on, no plan offers the offline charger or puts power on it (it never comes back). */
  function expectOfflineChargerUnused(): void {
    expect(firstRunOffline).toBeGreaterThan(0);
    for (const run of runs.slice(firstRunOffline)) {
      expect({ tickAt: run.tickAt, chargers: run.input.chargers.map((c) => c.id) }).toEqual({
        tickAt: run.tickAt,
        chargers: CHARGERS.map((c) => c.identity).filter((id) => id !== offlineId),
      });
      expect(run.result.charging.filter((row) => row.chargerId === offlineId)).toEqual([]);
    }
  }

  /** While a stranded bus stays on the offline charger, every plan reports it and plans it as unplugged. */
  function expectStrandedReported(): void {
    for (const bus of stranded) {
      const note = `vehicle ${bus} is plugged into unusable ${offlineId}: planned as unplugged`;
      runs.slice(firstRunOffline).forEach((run, i) => {
        if (fleetAtRun[firstRunOffline + i][bus].where !== offlineId) return;
        const vehicle = run.input.vehicles?.find((v) => v.id === bus);
        expect({ bus, tickAt: run.tickAt, reported: run.notes.includes(note), plugged: vehicle?.pluggedInto }).toEqual({
          bus,
          tickAt: run.tickAt,
          reported: true,
          plugged: undefined,
        });
      });
    }
  }

  /**
   * A stranded bus that needed energy, once moved to an online charger, gets energy there before it next leaves
   * (unless it left before any plan could act on the move); one never moved is reported (above).
   */
  function expectMovedBusesCharged(): void {
    for (const bus of strandedNeedingEnergy) {
      const moved = events.find(
        (e): e is Extract<DepotEvent, { kind: 'plugged' }> => e.kind === 'plugged' && e.busId === bus && e.moved,
      );
      if (!moved) continue;
      const departure = events.find(
        (e): e is Extract<DepotEvent, { kind: 'departed' }> =>
          e.kind === 'departed' && e.busId === bus && e.at.getTime() >= moved.at.getTime(),
      );
      const untilMs = departure?.at.getTime() ?? clock.now().getTime();
      const atNewCharger = runs
        .map((run, i) => ({ atMs: Date.parse(run.tickAt), state: fleetAtRun[i][bus] }))
        .filter(
          ({ atMs, state }) => atMs >= moved.at.getTime() && atMs < untilMs && state.where === moved.chargePointId,
        )
        .map(({ state }) => state.socPercent);
      if (atNewCharger.length === 0) continue;
      const seen = { bus, movedTo: moved.chargePointId, fromPercent: atNewCharger[0] };
      const toPercent = departure?.socPercent ?? atNewCharger[atNewCharger.length - 1];
      expect({ ...seen, toPercent, charged: toPercent > seen.fromPercent }).toEqual({
        ...seen,
        toPercent,
        charged: true,
      });
    }
  }

  let transactionsBefore: string[];
  let parked: string;
  it('resumes after a restart with a failing solver: keeps the stored plan, then falls back, with alerts', async () => {
    // After the last departure, so the fallback plan only decides charging.
    await runUntil('07:30');
    parked = depot.buses.find((b) => b.where.kind === 'plugged' && b.where.chargePointId !== offlineId)!.id;
    await app.http(dispatcher).post(`${base()}/vehicles/${site.vehicleIds[parked]}/out-of-service`).expect(200);
    transactionsBefore = await activeTransactions();
    expect(transactionsBefore.length).toBeGreaterThan(0);
    // A solve time limit no solve can meet: every solve is late (DESIGN.md §3 step 5).
    await restartService({ APRON_SOLVE_TIME_LIMIT_SECONDS: '0.001' });

    expect(await activeTransactions()).toEqual(transactionsBefore);
    const kept = await step();
    expect(kept.status).toBe('fallback');
    expect(kept.applied).toBe('kept-last');
    expect(kept.input.vehicles?.map((v) => v.id)).not.toContain(parked);
    const plugged = kept.input.vehicles?.filter((v) => v.pluggedInto).map((v) => v.id) ?? [];
    const pluggedHere = depot.buses
      .filter((b) => b.id !== parked && b.where.kind === 'plugged' && b.where.chargePointId !== offlineId)
      .map((b) => b.id);
    expect(plugged.sort()).toEqual(pluggedHere.sort());
    expect((await alerts()).map((a) => a.code)).toContain('plan-kept-last');

    // The kept plan may serve 15 minutes; after that the planner's fallback applies.
    await runUntil('07:45');
    const fallback = await step();
    expect(fallback.applied).toBe('fallback');
    expect(fallback.reason).toMatch(/fallback plan applied because the last plan is \d+ minutes old/);
    expect((await alerts()).map((a) => a.code)).toContain('plan-fallback');
  }, 90_000);

  it('resumes after a second restart with a working solver, sessions and overrides intact', async () => {
    await restartService();
    expect(await activeTransactions()).toEqual(transactionsBefore);
    const run = await step();
    expect(run.applied).toBe('new');
    expect(run.input.vehicles?.map((v) => v.id)).not.toContain(parked);
    const task = await app.http(dispatcher).get(`/api/v1/tasks/${site.taskIds.CZ3117}`).expect(200);
    expect(task.body.pinnedVehicles).toEqual([pinned]);
  }, 60_000);

  it('over the morning: within the grid limit, every task served at or above reserve, charging when cheap', async () => {
    await runUntil('08:00');
    const peakKw = Math.max(...samples.map((s) => s.sitePowerKw));
    const peakAverageKw = Math.max(...samples.map((s) => s.averagePowerKw));
    const departures = events.filter((e): e is Extract<DepotEvent, { kind: 'departed' }> => e.kind === 'departed');
    const returns = events.filter((e): e is Extract<DepotEvent, { kind: 'returned' }> => e.kind === 'returned');
    const energyKwh = samples.reduce((sum, s) => sum + s.energyKwh, 0);
    const cheapKwh = samples
      .filter((s) => s.at.getTime() <= CHEAP_UNTIL.getTime())
      .reduce((sum, s) => sum + s.energyKwh, 0);
    // SIM_DEPOT_FIGURES=1 prints the run's figures (before the checks, so a failing run shows them too).
    if (process.env.SIM_DEPOT_FIGURES) {
      process.stderr.write(
        `${JSON.stringify({
          peakKw,
          peakAverageKw,
          offline: { offlineId, offlineDeliveredKw, offlineAfterStepKw, stranded, strandedNeedingEnergy },
          energyKwh,
          cheapKwh,
          departures: departures.map(
            (d) => `${d.taskId} ${d.busId} ${d.socPercent.toFixed(1)} planned ${plannedSoc(d)}`,
          ),
          returns: returns.map((r) => `${r.taskId} ${r.busId} ${r.socPercent.toFixed(1)}`),
          applied: runs.map((r) => r.applied[0]).join(''),
          status: runs.map((r) => r.status[0]).join(''),
          socEstimateOffByOver2: runs.flatMap((run, i) =>
            (run.input.vehicles ?? [])
              // An away bus's SoC is booked when it returns: only buses at the depot compare.
              .filter((v) => fleetAtRun[i][v.id].where !== 'away')
              .filter((v) => Math.abs(v.socPercent - fleetAtRun[i][v.id].socPercent) > 2)
              .map(
                (v) =>
                  `${run.tickAt.slice(11, 16)} ${v.id} ${fleetAtRun[i][v.id].where} estimate ${v.socPercent.toFixed(1)} real ${fleetAtRun[i][v.id].socPercent.toFixed(1)}`,
              ),
          ),
          fallbackMessages: [
            ...new Set(
              runs.filter((r) => r.status === 'fallback').map((r) => (r as StoredRun & { message: string }).message),
            ),
          ],
          strandedAtRuns: stranded.map((bus) =>
            fleetAtRun
              .slice(firstRunOffline - 1)
              .map(
                (fleet, i) =>
                  `${runs[firstRunOffline - 1 + i].tickAt.slice(11, 16)} ${fleet[bus].where} ${fleet[bus].socPercent.toFixed(1)}`,
              ),
          ),
        })}\n`,
      );
    }
    // (a) metered site power, instantaneous and averaged over every simulated minute.
    expect(peakKw).toBeLessThanOrEqual(AVAILABLE_KW + ROUNDING_KW);
    expect(peakAverageKw).toBeLessThanOrEqual(AVAILABLE_KW + ROUNDING_KW);
    // (b) every flight got its buses, on time and at or above reserve...
    for (const [flightRef, , , buses] of TASKS) {
      expect({ flightRef, buses: depot.servedBy(flightRef).length }).toEqual({ flightRef, buses });
    }
    expect(departures.filter((d) => d.lateMinutes > 0)).toEqual([]);
    expect(departures.filter((d) => d.socPercent < RESERVE_PERCENT)).toEqual([]);
    expect(depot.servedBy('CZ3117')).toContain(pinned);
    // The offline charger stayed out of every plan to the end, restarts included; its buses charged elsewhere or
    // were reported.
    expectOfflineChargerUnused();
    expectStrandedReported();
    expectMovedBusesCharged();
    // (c) with a cheap window and slack, most energy flows in it: half the simulated time is cheap, well over half
    // the energy should be.
    expect(cheapKwh / energyKwh).toBeGreaterThan(0.6);
  }, 90_000);

  it('brings every bus back at or above reserve, or no lower than its plan said it would', () => {
    const departures = events.filter((e): e is Extract<DepotEvent, { kind: 'departed' }> => e.kind === 'departed');
    const returns = events.filter((e): e is Extract<DepotEvent, { kind: 'returned' }> => e.kind === 'returned');
    expect(returns.map((r) => `${r.taskId} ${r.busId}`).sort()).toEqual(
      departures.map((d) => `${d.taskId} ${d.busId}`).sort(),
    );
    // The plan must leave each bus enough for the whole task, not only above reserve when it leaves. Under this
    // morning's disruptions (a charger offline with two buses on it, a bus out of service, a pin) a plan sometimes
    // has no way to serve a flight but to end a bus below reserve, and then does so knowingly: serving the task is
    // the higher tier (DESIGN.md §4) and the plan reports the shortfall. What must never happen is a surprise: a bus
    // back lower than both the reserve and what its plan predicted, beyond the SoC estimate's error (up to ~3 points
    // here between estimate and the bus's real SoC, SIM_DEPOT_FIGURES prints them).
    const surprises = returns
      .map((r) => {
        const departure = departures.find((d) => d.taskId === r.taskId && d.busId === r.busId)!;
        return { r, plannedPercent: plannedReturnPercent(departure) ?? RESERVE_PERCENT };
      })
      .filter(
        ({ r, plannedPercent }) => r.socPercent < Math.min(RESERVE_PERCENT, plannedPercent) - ESTIMATE_ERROR_PERCENT,
      )
      .map(
        ({ r, plannedPercent }) =>
          `${r.taskId} ${r.busId} back at ${r.socPercent.toFixed(1)} %, planned ${plannedPercent.toFixed(1)} %`,
      );
    expect(surprises).toEqual([]);
  });

  /** The SoC the plan the depot followed at a departure gave the bus at the task's end, percent. */
  function plannedReturnPercent(departure: Extract<DepotEvent, { kind: 'departed' }>): number | undefined {
    const followed = runs
      .filter((r) => r.applied !== 'kept-last' && Date.parse(r.tickAt) <= departure.at.getTime())
      .at(-1);
    const task = followed?.input.tasks?.find((t) => t.id === departure.taskId);
    const row = followed?.result.soc.find((r) => 'vehicleId' in r && r.vehicleId === departure.busId);
    if (!followed || !task || !row) return undefined;
    const boundary = followed.result.slotStarts.filter((start) => Date.parse(start) <= Date.parse(task.end)).length - 1;
    return row.percent[Math.max(0, boundary)];
  }

  /** Diagnostics: the SoC the plan the depot followed at a departure gave the bus at the task's end. */
  function plannedSoc(departure: Extract<DepotEvent, { kind: 'departed' }>): string {
    const followed = runs
      .filter((r) => r.applied !== 'kept-last' && Date.parse(r.tickAt) <= departure.at.getTime())
      .at(-1);
    const task = followed?.input.tasks?.find((t) => t.id === departure.taskId);
    const row = followed?.result.soc.find((r) => 'vehicleId' in r && r.vehicleId === departure.busId);
    if (!followed || !task || !row) return 'unknown';
    const boundary = (iso: string) =>
      followed.result.slotStarts.filter((start) => Date.parse(start) <= Date.parse(iso)).length - 1;
    const at = (iso: string) => row.percent[Math.max(0, boundary(iso))]?.toFixed(1);
    return `${at(departure.at.toISOString())}/${at(task.start)}->${at(task.end)} (${followed.tickAt.slice(11, 16)})`;
  }
});
