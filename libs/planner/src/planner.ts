import { checkInvariants } from './invariants/check-invariants';
import { rememberAssignments, StickyAssignments } from './repair/sticky-assignments';
import { HighsAdapter } from './solvers/highs/highs.adapter';
import { JslpAdapter } from './solvers/jslp.adapter';
import { SolverAdapter } from './solvers/solver-adapter';
import { yieldToEventLoop } from './steps';
import { assignVehiclesFirst } from './strategy/assign-vehicles-first';
import { chooseApproach } from './strategy/choose-approach';
import { decodePlan } from './strategy/decode-plan';
import { fallBackToHeuristic } from './strategy/fall-back';
import { MipBackoff } from './strategy/mip-backoff';
import { modelStats, PhaseClock, PlanStats } from './strategy/plan-stats';
import { replanWhenBelowReserve } from './strategy/replan-below-reserve';
import { solveAssigned, Tick } from './strategy/solve-assigned';
import { validateAndNormalize } from './strategy/validate-and-normalize';
import { widenForShortTasks } from './strategy/widen-short-tasks';
import { PlanInput } from './types/plan-input';
import { PlanOptions, resolvePlanOptions, ResolvedPlanOptions } from './types/plan-options';
import { PlanResult } from './types/plan-result';
import { warmUpScenario } from './warm-up.scenario';

export type { PlanStats } from './strategy/plan-stats';

/**
 * Warm, reusable planner: keeps one HiGHS worker with the WASM module loaded between ticks. One instance per
 * concurrent caller (solves on one instance are serialized). Call `dispose()` when done.
 */
export class Planner {
  private highs?: HighsAdapter;
  private queue: Promise<unknown> = Promise.resolve();
  /** Per site: the last kept assignment (two-stage, or joint while the MIP is backed off), reused on warm ticks. */
  private readonly sticky = new Map<string, StickyAssignments>();
  private readonly mipBackoff = new MipBackoff();
  lastStats?: PlanStats;

  constructor(private readonly defaults: PlanOptions = {}) {}

  /**
   * Loads the WASM module and solves a small synthetic day `rounds` times, so the first real ticks do not pay for
   * V8 optimising the solver (see warm-up.scenario.ts). Call once at start-up; takes about a second.
   */
  async warmUp(rounds = 1): Promise<void> {
    await this.highsAdapter().warmUp();
    const input = warmUpScenario();
    for (let i = 0; i < rounds; i++) {
      await this.plan(input, { decomposition: 'joint' });
      await this.plan(input, { decomposition: 'two-stage' });
    }
    this.sticky.delete(input.site.id);
    this.mipBackoff.forget(input.site.id);
    this.lastStats = undefined;
  }

  plan(input: PlanInput, options: PlanOptions = {}): Promise<PlanResult> {
    const run = this.queue.then(() => this.planNow(input, resolvePlanOptions({ ...this.defaults, ...options })));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async dispose(): Promise<void> {
    await this.highs?.dispose();
    this.highs = undefined;
  }

  private highsAdapter(): HighsAdapter {
    this.highs ??= new HighsAdapter();
    return this.highs;
  }

  /** One tick: check the input, choose the approach, assign vehicles, solve, improve, decode, check, remember. */
  private async planNow(input: PlanInput, options: ResolvedPlanOptions): Promise<PlanResult> {
    const clock = new PhaseClock();
    const fullProblem = validateAndNormalize(input, options);
    clock.phase('normalize');
    // Each phase of a large site takes up to ~100 ms of this thread; the service's traffic gets a turn in between.
    await yieldToEventLoop();
    const fallBack = (reason: string) => fallBackToHeuristic(fullProblem, reason, clock.elapsedMs());
    const siteId = input.site.id;
    let adapter: SolverAdapter | undefined;
    try {
      adapter = options.solver === 'highs' ? this.highsAdapter() : new JslpAdapter();
      // Keep back a tenth of the budget for decoding and the fallback.
      const tick: Tick = { adapter, options, clock, deadlineMs: clock.startMs + options.timeLimitSeconds * 1000 * 0.9 };
      const approach = chooseApproach(fullProblem, options, this.mipBackoff.skipsMip(siteId));
      const stageOne = await assignVehiclesFirst(tick, fullProblem, approach, this.sticky.get(siteId));
      if (!stageOne.ok) return fallBack(stageOne.reason);
      clock.phase('stage1');
      let solved = await solveAssigned(tick, stageOne.assigned, stageOne.twoStage, approach.integerWindowMinutes);
      if (stageOne.keptJoint) solved = await replanWhenBelowReserve(tick, fullProblem, solved);
      if (approach.jointSite) this.mipBackoff.recordJointTick(siteId, approach.mipSkipped, solved);
      this.lastStats = modelStats(solved.built, clock);
      if (!solved.ok) return fallBack(solved.reason);
      const plan = stageOne.twoStage ? solved : await widenForShortTasks(tick, solved, approach);
      Object.assign(this.lastStats, { repairRounds: plan.solution.rounds, firstSolveMs: plan.solution.firstSolveMs });
      const lpInsteadOfMip = approach.mipSkipped || solved.solution.mipTimedOut;
      const result = decodePlan(tick, plan, lpInsteadOfMip);
      clock.phase('decode');
      await yieldToEventLoop();
      const violations = checkInvariants(input, result);
      clock.phase('invariants');
      if (violations.length > 0) {
        return fallBack(`solver answer broke ${violations.length} invariant(s), first: ${violations[0].message}`);
      }
      if (stageOne.twoStage || lpInsteadOfMip)
        this.sticky.set(siteId, rememberAssignments(plan.problem, result, plan.reusedTicks));
      else this.sticky.delete(siteId);
      result.solveMs = this.lastStats.totalMs = Math.round(clock.elapsedMs() * 10) / 10;
      return result;
    } catch (error) {
      return fallBack(`solver failed: ${(error as Error).message}`);
    } finally {
      if (adapter && adapter !== this.highs) await adapter.dispose();
    }
  }
}
