import { checkInvariants, PlanInput, PlanOptions, PlanResult, Planner } from '../src';

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
  return { highs, jslp };
}

export function expectSameObjective(a: PlanResult, b: PlanResult): void {
  expect(a.status).not.toBe('fallback');
  expect(b.status).not.toBe('fallback');
  expect(Math.abs(a.objective - b.objective)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(a.objective)));
}
