import { buildResult, PlanDecision } from '../decode/build-result';
import { PlanResult } from '../types/plan-result';
import { skippedNote } from './fall-back';
import { assignedVehicles, objectiveOf, SolvedPlan, Tick } from './solve-assigned';

/**
 * The result of a solved plan: assignments, charging on concrete chargers, the objective and its gap to the first
 * solve's bound (`optimal` within `mipGap`), and a message saying how the plan came about. `lpInsteadOfMip`: the
 * near-window MIP was skipped or timed out on this tick.
 */
export function decodePlan(tick: Tick, plan: SolvedPlan, lpInsteadOfMip: boolean): PlanResult {
  const { solution } = plan;
  const objective = objectiveOf(plan);
  const gap =
    solution.bound === undefined
      ? undefined
      : Math.max(0, objective - solution.bound) / Math.max(1, Math.abs(objective));
  const status =
    solution.firstOptimal && gap !== undefined && gap <= tick.options.mipGap + 1e-9 ? 'optimal' : 'feasible';
  const decision: PlanDecision = {
    assigned: assignedVehicles(plan),
    vehicleKw: solution.allocation.grantedKw,
    chargerOf: solution.allocation.chargerOf,
    sessionKw: solution.sessionKw,
  };
  const note =
    plan.note +
    (lpInsteadOfMip ? ', LP + repair (the near-window MIP timed out on this site)' : '') +
    (solution.rounds > 0 ? ` after ${solution.rounds} repair round(s)` : '');
  return buildResult(plan.problem, decision, {
    status,
    message: `${tick.adapter.name}: ${status}${note}${skippedNote(plan.problem)}`,
    solveMs: tick.clock.elapsedMs(),
    objective,
    gap,
  });
}
