import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Planner, type PlanInput, type PlanResult } from '@apron/planner';
import { CLOCK, Clock } from '../common/clock';
import { choosePlan, PlanChoice } from './plan-choice';
import { buildPlanInput } from './plan-input.builder';
import { PLAN_APPLIER, PlanApplier, ApplySummary } from './plan-applier.port';
import { PlanRun, TickTrigger } from './plan-run.entity';
import { PlanRunsRepository } from './plan-runs.repository';
import { SchedulingEvents } from './scheduling-events';
import { SCHEDULING_OPTIONS, SchedulingOptions } from './scheduling-options';
import { boundariesMs, slotIndexAt } from './plan-slots';
import { SiteSnapshot } from './site-snapshot';
import { SiteSnapshotReader } from './site-snapshot.reader';

export type TickOutcome =
  { ran: true; run: PlanRun; choice: PlanChoice; apply: ApplySummary } | { ran: false; reason: string };

/** DESIGN.md §3: read state, build the scenario, solve off the event loop, choose, apply, store, tell. */
@Injectable()
export class SiteTickService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SiteTickService.name);
  private readonly running = new Map<string, Promise<TickOutcome>>();
  /** Re-plans asked for while a tick of the site was running: one more tick right after it (requests coalesce). */
  private readonly queued = new Map<string, Promise<TickOutcome>>();
  private stopping = false;
  private readonly planner = new Planner();

  constructor(
    private readonly reader: SiteSnapshotReader,
    private readonly runs: PlanRunsRepository,
    private readonly events: SchedulingEvents,
    @Inject(PLAN_APPLIER) private readonly applier: PlanApplier,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEDULING_OPTIONS) private readonly options: SchedulingOptions,
  ) {}

  /**
   * A fresh HiGHS worker runs its first solves on unoptimised WASM (5-10x slower, libs/planner/README.md), so a
   * running scheduler warms it in the background; with ticks off (tests, maintenance) that cost is skipped.
   */
  onApplicationBootstrap(): void {
    if (!this.options.autoStart) return;
    void this.warmUpPlanner();
  }

  /** Loads HiGHS and runs it on a small day, so the first ticks do not run on unoptimised WASM. Never throws. */
  async warmUpPlanner(): Promise<void> {
    await this.planner
      .warmUp()
      .catch((error: unknown) => this.logger.warn(`planner warm-up failed: ${(error as Error).message}`));
  }

  /** Ticks running now finish (solve, apply, store) while the database is still open; none start after. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
    await this.planner.dispose();
  }

  /** Never two ticks of one site at once: a tick that finds one running is skipped, not queued. */
  async tick(siteId: string, trigger: TickTrigger): Promise<TickOutcome> {
    if (this.stopping) return { ran: false, reason: 'the service is stopping' };
    if (this.running.has(siteId)) return { ran: false, reason: 'a tick of this site is already running' };
    const tick = this.runTick(siteId, trigger);
    this.running.set(siteId, tick);
    try {
      return await tick;
    } finally {
      this.running.delete(siteId);
    }
  }

  /** Hours the plan covers from now: changes to tasks in it are worth a re-plan. */
  get horizonHours(): number {
    return this.options.planInput.horizonHours;
  }

  /**
   * A re-plan because the site's state changed (a flight moved a task): a tick now, or, when one is running (it may
   * have read the state before the change), one more tick right after it. Never throws.
   */
  requestTick(siteId: string, trigger: TickTrigger): Promise<TickOutcome> {
    const queued = this.queued.get(siteId);
    if (queued) return queued;
    const running = this.running.get(siteId);
    if (!running) return this.tick(siteId, trigger).catch((error: unknown) => this.failed(siteId, error));
    const next = running
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(siteId);
        return this.requestTick(siteId, trigger);
      });
    this.queued.set(siteId, next);
    return next;
  }

  private failed(siteId: string, error: unknown): TickOutcome {
    const reason = `re-plan failed: ${(error as Error).message}`;
    this.logger.error(`site ${siteId}: ${reason}`);
    return { ran: false, reason };
  }

  private async runTick(siteId: string, trigger: TickTrigger): Promise<TickOutcome> {
    const startedMs = performance.now();
    const now = this.clock.now();
    const read = await this.reader.read(siteId, now, this.options.planInput.horizonHours);
    const { snapshot, notes: readNotes } = read;
    const lastRun = await this.runs.latestApplied(siteId);
    if (lastRun) withLastPlannedKw(snapshot, lastRun, now);
    const { input, notes, uncontrolled } = buildPlanInput(snapshot, this.options.planInput);
    const fresh = await this.solve(input);
    const last = lastRun ? { input: lastRun.input, result: lastRun.result, solvedAt: lastRun.tickAt } : undefined;
    const choice = choosePlan(input, fresh, last, now, { maxKeepMinutes: this.options.maxKeepMinutes });
    const target = { site: snapshot.site, chargers: read.chargers, sessions: snapshot.chargingSessions, uncontrolled };
    const apply = await this.applier.apply(target, choice, now);
    const run = await this.runs.insert({
      siteId,
      tickAt: now,
      trigger,
      status: fresh.status,
      applied: choice.source,
      message: fresh.message,
      reason: choice.reason ?? null,
      objective: Number.isFinite(fresh.objective) ? fresh.objective : null,
      solveMs: fresh.solveMs,
      tickMs: performance.now() - startedMs,
      input,
      result: fresh,
      notes: [...readNotes, ...notes, ...apply.notes],
    });
    this.tell(siteId, run, choice, choice.source === 'kept-last' && lastRun ? lastRun.tickAt : now);
    this.logger.log({
      msg: 'tick',
      siteId,
      trigger,
      status: run.status,
      applied: run.applied,
      solveMs: Math.round(run.solveMs),
      tickMs: Math.round(run.tickMs),
      unservedTasks: choice.result.unserved.length,
    });
    return { ran: true, run, choice, apply };
  }

  /** The planner answers every business outcome with a result; a throw here means invalid input (a bug). */
  private async solve(input: Parameters<Planner['plan']>[0]): Promise<PlanResult> {
    try {
      return await this.planner.plan(input, { timeLimitSeconds: this.options.solveTimeLimitSeconds });
    } catch (error) {
      const message = `the planner refused its input: ${(error as Error).message}`;
      this.logger.error(message);
      return { ...emptyResult(input.start), status: 'infeasible', message };
    }
  }

  private tell(siteId: string, run: PlanRun, choice: PlanChoice, planMadeAt: Date): void {
    const at = run.tickAt.toISOString();
    this.events.publish({
      type: 'plan.applied',
      siteId,
      planRunId: run.id,
      tickAt: at,
      planMadeAt: planMadeAt.toISOString(),
      status: run.status,
      applied: run.applied,
      reason: run.reason,
      unservedTasks: choice.result.unserved.length,
      tickMs: run.tickMs,
      solveMs: run.solveMs,
      gridLimitKw: run.input.site.gridLimitKw,
      baseLoadKw: run.input.site.baseLoadKw ?? 0,
      plannedSitePowerKw: choice.result.sitePowerKw[slotIndexAt(boundariesMs(choice.input), run.tickAt.getTime())] ?? 0,
    });
    if (choice.source !== 'new') {
      const code = choice.source === 'fallback' ? 'plan-fallback' : 'plan-kept-last';
      this.events.publish({ type: 'alert', siteId, severity: 'critical', code, message: choice.reason ?? '', at });
      this.logger.warn(`site ${siteId}: ${choice.reason}`);
    }
    for (const unserved of choice.result.unserved) {
      const message = `task ${unserved.taskId} is short of ${unserved.missingVehicles} vehicle(s)`;
      this.events.publish({ type: 'alert', siteId, severity: 'warning', code: 'task-unserved', message, at });
    }
  }
}

function emptyResult(start: string): PlanResult {
  return {
    status: 'infeasible',
    message: '',
    solveMs: 0,
    objective: Number.NaN,
    costTotal: 0,
    peakKw: 0,
    slotStarts: [start],
    assignments: [],
    unserved: [],
    charging: [],
    soc: [],
    sitePowerKw: [],
  };
}

/** What the last applied plan gives each charger in the slot holding `now`: its profiles may still be in force. */
function withLastPlannedKw(
  snapshot: SiteSnapshot,
  lastRun: { input: PlanInput; result: PlanResult; tickAt: Date },
  now: Date,
): void {
  const last = lastRun.result;
  const slot = slotIndexAt(boundariesMs(lastRun.input), now.getTime());
  if (slot < 0 || slot >= last.sitePowerKw.length) return;
  // A planned charger's station cap also held a share of the headroom the plan left, for a vehicle plugged in between
  // ticks (profile-commands.ts): at most all of it.
  const plannedKw = last.charging.reduce((sumKw, row) => sumKw + (row.kw[slot] ?? 0), 0);
  const site = lastRun.input.site;
  const headroomKw = Math.max(0, site.gridLimitKw - (site.baseLoadKw ?? 0) - plannedKw);
  const planned = new Set(lastRun.input.chargers.map((charger) => charger.id));
  for (const charger of snapshot.chargers) {
    charger.lastPlannedKw =
      last.charging
        .filter((row) => row.chargerId === charger.chargePointId)
        .reduce((sumKw, row) => sumKw + (row.kw[slot] ?? 0), 0) + (planned.has(charger.chargePointId) ? headroomKw : 0);
  }
  for (const vehicle of snapshot.vehicles.filter((v) => v.plugged)) {
    const kw = last.charging
      .filter((row) => 'vehicleId' in row && row.vehicleId === vehicle.fleetNumber)
      .reduce((sumKw, row) => sumKw + (row.kw[slot] ?? 0), 0);
    vehicle.charging = { kw, since: lastRun.tickAt };
  }
}
