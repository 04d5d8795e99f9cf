import { buildAssignmentModel } from '../model/build-assignment-model';
import { Problem } from '../problem/problem';
import { SolverAdapter } from '../solvers/solver-adapter';
import { assignmentsIntegral, roundAssignments } from './round-assignments';

export type ChooseOutcome = { ok: true; problem: Problem; variables: number } | { ok: false; reason: string };

/**
 * Stage 1 of the two-stage plan: solve the assignment model, round it if fractional, and return the problem with each
 * task's candidates cut down to the chosen vehicles (pins kept). Stage 2 is the joint model on that problem, which
 * re-plans charging exactly and may still drop an assignment that turns out short of energy.
 */
export async function chooseAssignments(
  adapter: SolverAdapter,
  problem: Problem,
  integerWindowMinutes: number,
  timeLimitSeconds: number,
  mipGap: number,
): Promise<ChooseOutcome> {
  const { model, vars } = buildAssignmentModel(problem, integerWindowMinutes);
  await adapter.load(model, 'assign');
  const outcome = await adapter.solve({ timeLimitSeconds, mipGap });
  if (!outcome.values || (outcome.status !== 'optimal' && outcome.status !== 'feasible')) {
    return { ok: false, reason: `${adapter.name} ${outcome.status} choosing assignments: ${outcome.message}` };
  }
  const values = outcome.values;
  const upper = Float64Array.from(model.colUpper);
  if (!assignmentsIntegral(vars, values)) {
    const changes = roundAssignments(problem, vars, values, upper);
    changes.indices.forEach((column, i) => (upper[column] = changes.upper[i]));
  } else {
    for (const columns of vars.assign)
      for (const column of columns.values()) upper[column] = values[column] > 0.5 ? 1 : 0;
  }
  const tasks = problem.tasks.map((task) => {
    const chosen = new Set(task.pinned);
    for (const [v, column] of vars.assign[task.index]) if (upper[column] > 0.5) chosen.add(v);
    return { ...task, candidates: [...chosen].sort((a, b) => a - b) };
  });
  return { ok: true, problem: { ...problem, tasks }, variables: model.numCols };
}
