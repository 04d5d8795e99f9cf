import { buildResult } from '../decode/build-result';
import { fallbackDecision } from '../fallback/fallback-plan';
import { scoreDecision } from '../fallback/score-decision';
import { Problem } from '../problem/problem';
import { KW_EPSILON } from '../repair/connector-allocation';
import { PlanInput } from '../types/plan-input';
import { PlanOptions, resolvePlanOptions } from '../types/plan-options';
import { PlanResult } from '../types/plan-result';
import { validateAndNormalize } from './validate-and-normalize';

/** The urgent-first heuristic's plan (status `fallback`), scored on the objective, with why the solver's was not used. */
export function fallBackToHeuristic(problem: Problem, reason: string, solveMs: number): PlanResult {
  const decision = fallbackDecision(problem);
  for (const row of decision.vehicleKw) row.forEach((kw, t) => (row[t] = kw > KW_EPSILON ? kw : 0));
  const result = buildResult(problem, decision, {
    status: 'fallback',
    message: `fallback heuristic (urgent first within the grid limit) because ${reason}${skippedNote(problem)}`,
    solveMs,
    objective: 0,
  });
  result.objective = scoreDecision(problem, result);
  return result;
}

/** The heuristic plan alone, without a solver: always contract-shaped, never throws for a business outcome. */
export function fallbackPlan(input: PlanInput, reason = 'it was asked for', options: PlanOptions = {}): PlanResult {
  return fallBackToHeuristic(validateAndNormalize(input, resolvePlanOptions(options)), reason, 0);
}

/** What the result's message says of tasks outside the horizon, which the plan ignores. */
export function skippedNote(problem: Problem): string {
  return problem.skippedTaskIds.length > 0
    ? `; ${problem.skippedTaskIds.length} task(s) outside the horizon ignored`
    : '';
}
