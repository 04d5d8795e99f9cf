import { Problem } from '../problem/problem';
import { improves, Solved, SolvedPlan, solveAssigned, Tick } from './solve-assigned';

/**
 * A joint site keeps its last assignment while the MIP is backed off, and a kept assignment cannot move a task to
 * another vehicle, so it may take a bus below reserve where a fresh assignment would not: then re-plan jointly once,
 * LP + repair (the MIP is backed off), and keep the better plan.
 */
export async function replanWhenBelowReserve(tick: Tick, fullProblem: Problem, kept: Solved): Promise<Solved> {
  if (!kept.ok || !leavesReserveShortfall(kept)) return kept;
  const note = ' (joint: re-assigned, the kept assignment took a vehicle below reserve)';
  const fresh = await solveAssigned(tick, { problem: fullProblem, reusedTicks: 0, note }, false, 0);
  return improves(fresh, kept) ? fresh : kept;
}

/**
 * Whether a solution takes a vehicle below its reserve. Tasks left short do not count: a site short of vehicles
 * leaves some every tick, and re-planning it jointly each kept tick is the slow path the back-off avoids.
 */
function leavesReserveShortfall({ built, solution }: SolvedPlan): boolean {
  return built.vars.reserveShortKwh.some((row) => row.some((column) => column >= 0 && solution.values[column] > 1e-6));
}
