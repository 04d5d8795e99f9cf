import { performance } from 'node:perf_hooks';
import { buildModelYielding, BuiltModel } from '../model/build-model';
import { evaluateObjective } from '../model/linear-model';
import { Problem } from '../problem/problem';
import { RepairedSolution, solveWithRepair } from '../repair/solve-with-repair';
import { SolverAdapter } from '../solvers/solver-adapter';
import { ResolvedPlanOptions } from '../types/plan-options';
import { PhaseClock } from './plan-stats';

/** What the solves of one `plan` call share. `deadlineMs` is on the `performance.now()` clock. */
export interface Tick {
  adapter: SolverAdapter;
  options: ResolvedPlanOptions;
  deadlineMs: number;
  clock: PhaseClock;
}

/** A problem whose candidate lists are ready to solve, and how they came about. */
export interface Assigned {
  problem: Problem;
  /** Ticks in a row the previous tick's assignment has been kept (0: assigned this tick). */
  reusedTicks: number;
  /** How the plan came about, for the result's message. */
  note: string;
}

export interface SolvedPlan extends Assigned {
  ok: true;
  built: BuiltModel;
  solution: RepairedSolution;
}

/** A solve of an `Assigned` problem: its model, and the repaired solution or the reason there is none. */
export type Solved = SolvedPlan | (Assigned & { ok: false; built: BuiltModel; reason: string });

/**
 * Builds the model and solves it with repair. With `fixedAssignments` (stage 2: each task has about as many candidates
 * as it needs, so an LP with repair is enough) every candidate must serve its task, and the model is first built
 * without the power columns of busy slots (smaller repair re-solves); if that fixed assignment is infeasible, the full
 * model releases it.
 */
export async function solveAssigned(
  tick: Tick,
  assigned: Assigned,
  fixedAssignments: boolean,
  integerWindowMinutes: number,
): Promise<Solved> {
  const { adapter, options } = tick;
  const solveModel = async (withoutBusyPower: boolean) => {
    const window = fixedAssignments ? 0 : integerWindowMinutes;
    const built = await buildModelYielding(assigned.problem, window, fixedAssignments, withoutBusyPower);
    tick.clock.phase('build');
    const repaired = await solveWithRepair(
      adapter,
      built,
      assigned.problem,
      tick.deadlineMs,
      options.mipGap,
      () => performance.now(),
      options.warmBasisAcrossTicks,
      options.mipTimeLimitSeconds,
    );
    tick.clock.phase('solve');
    return { built, repaired };
  };
  const first = await solveModel(fixedAssignments);
  const { built, repaired } = !first.repaired.ok && first.repaired.needsFullModel ? await solveModel(false) : first;
  return repaired.ok
    ? { ...assigned, ok: true, built, solution: repaired.solution }
    : { ...assigned, ok: false, built, reason: repaired.reason };
}

export function objectiveOf(plan: SolvedPlan): number {
  return evaluateObjective(plan.built.model, plan.solution.values);
}

/** Whether a re-solve succeeded with a lower objective than the plan in hand. */
export function improves(candidate: Solved, current: Solved): boolean {
  return candidate.ok && current.ok && objectiveOf(candidate) < objectiveOf(current) - 1e-9;
}

/** Vehicles serving each task (by task index) in a solution. */
export function assignedVehicles({ problem, built, solution }: SolvedPlan): Map<number, number[]> {
  const assigned = new Map<number, number[]>();
  for (const task of problem.tasks) {
    assigned.set(
      task.index,
      [...built.vars.assign[task.index]].filter(([, c]) => solution.values[c] > 0.5).map(([v]) => v),
    );
  }
  return assigned;
}
