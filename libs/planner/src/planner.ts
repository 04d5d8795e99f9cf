import { performance } from 'node:perf_hooks';
import { buildResult, PlanDecision } from './decode/build-result';
import { checkInvariants } from './invariants/check-invariants';
import { buildModelYielding, BuiltModel } from './model/build-model';
import { evaluateObjective } from './model/linear-model';
import { Problem } from './problem/problem';
import { RepairOutcome, solveWithRepair } from './repair/solve-with-repair';
import { chooseAssignments } from './repair/choose-assignments';
import { widenCandidates } from './repair/second-chance';
import { rememberAssignments, restrictToPrevious, StickyAssignments } from './repair/sticky-assignments';
import { HighsAdapter } from './solvers/highs/highs.adapter';
import { JslpAdapter } from './solvers/jslp.adapter';
import { SolverAdapter } from './solvers/solver-adapter';
import { PlanInput } from './types/plan-input';
import { PlanOptions, resolvePlanOptions, ResolvedPlanOptions } from './types/plan-options';
import { PlanResult } from './types/plan-result';
import { warmUpScenario } from './warm-up.scenario';
import { yieldToEventLoop } from './steps';
import { fallBackToHeuristic, skippedNote } from './strategy/fall-back';
import { modelStats, PhaseClock, PlanStats } from './strategy/plan-stats';
import { validateAndNormalize } from './strategy/validate-and-normalize';

export type { PlanStats } from './strategy/plan-stats';

interface MipBackoff {
  /** Joint ticks left that skip the MIP. */
  skip: number;
  /** Ticks to skip after the next timeout (doubles up to `MAX_MIP_BACKOFF_TICKS`). */
  next: number;
}

const FIRST_MIP_BACKOFF_TICKS = 8;
const MAX_MIP_BACKOFF_TICKS = 32;

/**
 * Warm, reusable planner: keeps one HiGHS worker with the WASM module loaded between ticks. One instance per
 * concurrent caller (solves on one instance are serialized). Call `dispose()` when done.
 */
export class Planner {
  private highs?: HighsAdapter;
  private queue: Promise<unknown> = Promise.resolve();
  /** Per site: the last two-stage assignment, reused on warm ticks. */
  private readonly sticky = new Map<string, StickyAssignments>();
  /** Per site: the near-window MIP timed out lately, so the next `skip` joint ticks go to LP + repair directly. */
  private readonly mipBackoff = new Map<string, MipBackoff>();
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
    this.mipBackoff.delete(input.site.id);
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

  /** Backs off the near-window MIP after a timeout: 8, 16, then 32 joint ticks; a MIP that finishes resets it. */
  private recordMip(siteId: string, tried: boolean, timedOut: boolean, skipped: boolean): void {
    const backoff = this.mipBackoff.get(siteId);
    if (skipped && backoff) backoff.skip -= 1;
    else if (tried && timedOut) {
      const next = Math.min(MAX_MIP_BACKOFF_TICKS, backoff ? 2 * backoff.next : FIRST_MIP_BACKOFF_TICKS);
      this.mipBackoff.set(siteId, { skip: next, next });
    } else if (tried) this.mipBackoff.delete(siteId);
  }

  private highsAdapter(): HighsAdapter {
    this.highs ??= new HighsAdapter();
    return this.highs;
  }

  private async planNow(input: PlanInput, options: ResolvedPlanOptions): Promise<PlanResult> {
    const clock = new PhaseClock();
    const { startMs } = clock;
    const elapsed = () => clock.elapsedMs();
    const fullProblem = validateAndNormalize(input, options);
    const phase = (name: string) => clock.phase(name);
    phase('normalize');
    // Each phase of a large site takes up to ~100 ms of this thread; the service's traffic gets a turn in between.
    await yieldToEventLoop();
    const fallback = (reason: string) => fallBackToHeuristic(fullProblem, reason, elapsed());
    let adapter: SolverAdapter | undefined;
    try {
      adapter = options.solver === 'highs' ? this.highsAdapter() : new JslpAdapter();
      const backoff = this.mipBackoff.get(input.site.id);
      // A MIP that timed out on this site lately would most likely time out again (a site short of vehicles stays
      // short for a while): skip it for a few ticks instead of paying its time cap every tick.
      const skipMip = backoff !== undefined && backoff.skip > 0;
      let integerWindowMinutes = options.solver === 'highs' && !skipMip ? options.integerWindowMinutes : 0;
      // Keep back a tenth of the budget for decoding and the fallback.
      const deadlineMs = startMs + options.timeLimitSeconds * 1000 * 0.9;
      let problem = fullProblem;
      const jointSite = !useTwoStage(fullProblem, options);
      const previous = this.sticky.get(input.site.id);
      const reusable = previous && previous.reusedTicks < options.reassignEveryTicks ? previous : undefined;
      // While the MIP is skipped, the joint site keeps its last joint plan's assignment like a two-stage site (the
      // joint LP of a site short of vehicles is slow: ~0.4 s on the small bench site), re-assigning jointly every
      // `reassignEveryTicks` ticks.
      const keptJoint = jointSite && skipMip && reusable ? restrictToPrevious(fullProblem, reusable) : undefined;
      const twoStage = !jointSite || keptJoint !== undefined;
      let reusedTicks = 0;
      let stageNote = '';
      if (keptJoint) {
        problem = keptJoint;
        reusedTicks = reusable!.reusedTicks + 1;
      } else if (twoStage) {
        const reused = reusable ? restrictToPrevious(fullProblem, reusable) : undefined;
        if (reused) {
          problem = reused;
          reusedTicks = reusable!.reusedTicks + 1;
        } else {
          const budgetSeconds = (0.5 * (deadlineMs - performance.now())) / 1000;
          const chosen = await chooseAssignments(adapter, fullProblem, budgetSeconds, options);
          if (!chosen.ok) return fallback(chosen.reason);
          problem = chosen.problem;
          stageNote = `, ${chosen.source}`;
        }
      }
      phase('stage1');
      const solveProblem = async (candidateProblem: Problem, fixed = twoStage) => {
        const solveModel = async (withoutBusyPower: boolean) => {
          // After stage 1 each task has about as many candidates as it needs: an LP with repair is enough.
          const model = await buildModelYielding(
            candidateProblem,
            fixed ? 0 : integerWindowMinutes,
            fixed,
            withoutBusyPower,
          );
          phase('build');
          const outcome = await solveWithRepair(
            adapter!,
            model,
            candidateProblem,
            deadlineMs,
            options.mipGap,
            () => performance.now(),
            options.warmBasisAcrossTicks,
            options.mipTimeLimitSeconds,
          );
          phase('solve');
          return { built: model, repaired: outcome };
        };
        // Stage 2 first solves without the power columns of busy slots (smaller repair re-solves); if the fixed
        // assignment is infeasible, the full model releases it.
        const first = await solveModel(fixed);
        return !first.repaired.ok && first.repaired.needsFullModel ? solveModel(false) : first;
      };
      let { built, repaired } = await solveProblem(problem);
      let keptNote = '';
      if (keptJoint && repaired.ok && leavesReserveShortfall(built, repaired.solution.values)) {
        // The kept assignment cannot move a task to another vehicle, so it may take a bus below reserve where a fresh
        // assignment would not: re-plan jointly once, LP + repair (the MIP is backed off), and keep the better plan.
        integerWindowMinutes = 0;
        const fresh = await solveProblem(fullProblem, false);
        if (improves(fresh, { built, repaired })) {
          [problem, built, repaired] = [fullProblem, fresh.built, fresh.repaired];
          reusedTicks = 0;
          keptNote = ': re-assigned, the kept assignment took a vehicle below reserve';
        }
      }
      const triedMip = !twoStage && integerWindowMinutes > 0 && built.model.integrality.some((flag) => flag !== 0);
      const mipTimedOut = repaired.ok && repaired.solution.mipTimedOut;
      if (jointSite) this.recordMip(input.site.id, triedMip, mipTimedOut, skipMip);
      // Within a tick the widened re-solve would time out the same way.
      if (mipTimedOut) integerWindowMinutes = 0;
      this.lastStats = modelStats(built, clock);
      if (!repaired.ok) return fallback(repaired.reason);
      let widenNote = '';
      if (!twoStage) {
        // The joint model only sees capped candidate lists: a task it left short may have a vehicle outside them.
        const widened = widenCandidates(problem, assignedVehicles(problem, built, repaired.solution.values));
        if (widened) {
          const again = await solveProblem(widened);
          const better = improves(again, { built, repaired });
          if (better) [problem, built, repaired] = [widened, again.built, again.repaired];
          widenNote = better ? ', candidates widened for tasks left short' : '';
        }
      }
      if (!repaired.ok) return fallback(repaired.reason);
      const { solution } = repaired;
      this.lastStats.repairRounds = solution.rounds;
      this.lastStats.firstSolveMs = solution.firstSolveMs;
      const objective = evaluateObjective(built.model, solution.values);
      const gap =
        solution.bound === undefined
          ? undefined
          : Math.max(0, objective - solution.bound) / Math.max(1, Math.abs(objective));
      const optimal = solution.firstOptimal && gap !== undefined && gap <= options.mipGap + 1e-9;
      const assigned = assignedVehicles(problem, built, solution.values);
      const decision: PlanDecision = {
        assigned,
        vehicleKw: solution.allocation.grantedKw,
        chargerOf: solution.allocation.chargerOf,
        sessionKw: solution.sessionKw,
      };
      const note =
        (keptNote
          ? ' (joint' + keptNote + ')'
          : twoStage
            ? reusedTicks > 0
              ? ` (two-stage: previous assignments kept, tick ${reusedTicks} of ${options.reassignEveryTicks})`
              : ` (two-stage: assignments first${stageNote}, then charging)`
            : widenNote) +
        (skipMip || mipTimedOut ? ', LP + repair (the near-window MIP timed out on this site)' : '') +
        (solution.rounds > 0 ? ` after ${solution.rounds} repair round(s)` : '');
      const result = buildResult(problem, decision, {
        status: optimal ? 'optimal' : 'feasible',
        message: `${adapter.name}: ${optimal ? 'optimal' : 'feasible'}${note}${skippedNote(problem)}`,
        solveMs: elapsed(),
        objective,
        gap,
      });
      phase('decode');
      await yieldToEventLoop();
      const violations = checkInvariants(input, result);
      phase('invariants');
      if (violations.length > 0) {
        return fallback(`solver answer broke ${violations.length} invariant(s), first: ${violations[0].message}`);
      }
      if (twoStage || skipMip || mipTimedOut)
        this.sticky.set(input.site.id, rememberAssignments(problem, result, reusedTicks));
      else this.sticky.delete(input.site.id);
      result.solveMs = Math.round(elapsed() * 10) / 10;
      this.lastStats.totalMs = result.solveMs;
      return result;
    } catch (error) {
      return fallback(`solver failed: ${(error as Error).message}`);
    } finally {
      if (adapter && adapter !== this.highs) await adapter.dispose();
    }
  }
}

/** Whether a re-solve succeeded with a lower objective than the plan in hand. */
function improves(
  candidate: { built: BuiltModel; repaired: RepairOutcome },
  current: { built: BuiltModel; repaired: RepairOutcome },
): boolean {
  return (
    candidate.repaired.ok &&
    current.repaired.ok &&
    evaluateObjective(candidate.built.model, candidate.repaired.solution.values) <
      evaluateObjective(current.built.model, current.repaired.solution.values) - 1e-9
  );
}

function assignedVehicles(problem: Problem, built: BuiltModel, values: Float64Array): Map<number, number[]> {
  const assigned = new Map<number, number[]>();
  for (const task of problem.tasks) {
    assigned.set(
      task.index,
      [...built.vars.assign[task.index]].filter(([, c]) => values[c] > 0.5).map(([v]) => v),
    );
  }
  return assigned;
}

/**
 * Whether a solution takes a vehicle below its reserve. Tasks left short do not count: a site short of vehicles
 * leaves some every tick, and re-planning it jointly each kept tick is the slow path the back-off avoids.
 */
function leavesReserveShortfall(built: BuiltModel, values: Float64Array): boolean {
  return built.vars.reserveShortKwh.some((row) => row.some((column) => column >= 0 && values[column] > 1e-6));
}

function useTwoStage(problem: Problem, options: ResolvedPlanOptions): boolean {
  if (options.decomposition !== 'auto') return options.decomposition === 'two-stage';
  const assignmentColumns = problem.tasks.reduce((sum, task) => sum + task.candidates.length, 0);
  return assignmentColumns > options.jointAssignmentLimit;
}
