export { plan, disposeSharedPlanner } from './plan';
export { Planner } from './planner';
export { fallbackPlan } from './strategy/fall-back';
export type { PlanStats } from './planner';
export { validatePlanInput } from './validation/validate-plan-input';
export { PlanInputError } from './validation/plan-input.error';
export type { ValidationIssue } from './validation/plan-input.error';
export { checkInvariants } from './invariants/check-invariants';
export { relaxationBound } from './relaxation-bound';
export type { RelaxationBound } from './relaxation-bound';
export type { InvariantViolation } from './invariants/check-invariants';
export type * from './types/plan-input';
export type * from './types/plan-result';
export type { PlanOptions, SolverName } from './types/plan-options';
// The LP toolkit, for offline bounds outside the planner (the evaluation's clairvoyant public-energy bound).
export { LinearModelBuilder } from './model/linear-model';
export type { LinearModel } from './model/linear-model';
export { HighsAdapter } from './solvers/highs/highs.adapter';
