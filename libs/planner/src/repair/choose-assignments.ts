import { buildAssignmentModel } from '../model/build-assignment-model';
import { busyEndMinutes, Problem } from '../problem/problem';
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
  const chosen = problem.tasks.map((task) => {
    const vehicles = new Set(task.pinned);
    for (const [v, column] of vars.assign[task.index]) if (upper[column] > 0.5) vehicles.add(v);
    return vehicles;
  });
  secondChance(problem, chosen);
  const tasks = problem.tasks.map((task) => ({ ...task, candidates: [...chosen[task.index]].sort((a, b) => a - b) }));
  return { ok: true, problem: { ...problem, tasks }, variables: model.numCols };
}

/**
 * A task the assignment model left short (its capped candidate list was busy) gets any other compatible vehicle that
 * is free over its busy interval, most energy first. Stage 2 drops it again if that vehicle lacks the energy.
 */
export function secondChance(problem: Problem, chosen: Set<number>[]): void {
  const busy: { from: number; to: number }[][] = problem.vehicles.map(() => []);
  for (const task of problem.tasks) {
    for (const v of chosen[task.index])
      busy[v].push({ from: task.startMinutes, to: busyEndMinutes(task, problem.vehicles[v]) });
  }
  const ordered = [...problem.tasks].sort((a, b) => a.startMinutes - b.startMinutes || a.index - b.index);
  for (const task of ordered) {
    const vehicles = chosen[task.index];
    if (vehicles.size >= task.needed) continue;
    const free = problem.vehicles
      .filter(
        (vehicle) =>
          vehicle.type === task.type &&
          !vehicles.has(vehicle.index) &&
          !task.forbidden.has(vehicle.index) &&
          vehicle.availableFromMinutes <= Math.max(0, task.startMinutes) &&
          !busy[vehicle.index].some((b) => b.from < busyEndMinutes(task, vehicle) && task.startMinutes < b.to),
      )
      .sort((a, b) => b.initialKwh - b.minKwh - (a.initialKwh - a.minKwh) || a.index - b.index);
    for (const vehicle of free) {
      if (vehicles.size >= task.needed) break;
      vehicles.add(vehicle.index);
      busy[vehicle.index].push({ from: task.startMinutes, to: busyEndMinutes(task, vehicle) });
    }
  }
}
