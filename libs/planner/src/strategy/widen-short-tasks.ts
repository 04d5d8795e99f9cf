import { widenCandidates } from '../repair/second-chance';
import { Approach } from './choose-approach';
import { assignedVehicles, improves, SolvedPlan, solveAssigned, Tick } from './solve-assigned';

/**
 * The joint model only sees capped candidate lists: a task it left short may have a vehicle outside them. When the
 * second chance finds one, re-solve once with the candidates widened by the vehicles it uses, and keep the better plan.
 */
export async function widenForShortTasks(tick: Tick, plan: SolvedPlan, approach: Approach): Promise<SolvedPlan> {
  const widened = widenCandidates(plan.problem, assignedVehicles(plan));
  if (!widened) return plan;
  // A MIP that timed out would time out the same way within the tick: LP + repair then.
  const integerWindowMinutes = plan.solution.mipTimedOut ? 0 : approach.integerWindowMinutes;
  const note = ', candidates widened for tasks left short';
  const again = await solveAssigned(tick, { problem: widened, reusedTicks: 0, note }, false, integerWindowMinutes);
  return again.ok && improves(again, plan) ? again : plan;
}
