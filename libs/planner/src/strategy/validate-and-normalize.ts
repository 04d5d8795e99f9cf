import { normalizeInput } from '../problem/normalize-input';
import { Problem } from '../problem/problem';
import { PlanInput } from '../types/plan-input';
import { ResolvedPlanOptions } from '../types/plan-options';
import { PlanInputError } from '../validation/plan-input.error';
import { validatePlanInput } from '../validation/validate-plan-input';

/** Rejects invalid input (`PlanInputError`, the only rejection) and turns valid input into the solver's problem. */
export function validateAndNormalize(input: PlanInput, options: ResolvedPlanOptions): Problem {
  const issues = validatePlanInput(input);
  if (issues.length > 0) throw new PlanInputError(issues);
  return normalizeInput(input, options);
}
