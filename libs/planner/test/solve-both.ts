import { checkInvariants, PlanInput, PlanOptions, PlanResult, Planner } from '../src';
import { scoreDecision } from '../src/fallback/score-decision';
import { normalizeInput } from '../src/problem/normalize-input';
import { resolvePlanOptions } from '../src/types/plan-options';

/** The objective re-evaluated from the result alone must match what the solver optimised. */
export function expectObjectiveMatchesResult(input: PlanInput, result: PlanResult, options: PlanOptions = {}): void {
  const score = scoreDecision(normalizeInput(input, resolvePlanOptions(options)), result);
  expect(Math.abs(score - result.objective)).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(result.objective)));
}

/** Solves on HiGHS (warm planner) and javascript-lp-solver; both results must pass the invariant checker. */
export async function solveBoth(
  planner: Planner,
  input: PlanInput,
  options: PlanOptions = {},
): Promise<{ highs: PlanResult; jslp: PlanResult }> {
  const highs = await planner.plan(input, { ...options, solver: 'highs' });
  const jslp = await planner.plan(input, { ...options, solver: 'jslp' });
  expect(checkInvariants(input, highs)).toEqual([]);
  expect(checkInvariants(input, jslp)).toEqual([]);
  expectObjectiveMatchesResult(input, highs, options);
  expectObjectiveMatchesResult(input, jslp, options);
  return { highs, jslp };
}

export function expectSameObjective(a: PlanResult, b: PlanResult): void {
  expect(a.status).not.toBe('fallback');
  expect(b.status).not.toBe('fallback');
  expect(Math.abs(a.objective - b.objective)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(a.objective)));
}
