export type * from './evaluation-types';
export { simulateDay } from './simulate-day';
export type { SimulateOptions } from './simulate-day';
export {
  airportSiteDay,
  highwaySiteDay,
  guangzhouSiteDay,
  holidayHighwaySiteDay,
  withGridLimit,
  priceAt,
} from './site-day';
export { chargeLimitKw, TAPER_KNEE_PERCENT } from './charge-limits';
export { computeKpis } from './kpis';
export { evaluateDay, defaultSweepShares } from './evaluate-day';
export type { Evaluation, EvaluateOptions } from './evaluate-day';
export { checkGoals } from './goals';
export { clairvoyantPublicEnergyBound } from './clairvoyant-bound';
export type { PublicEnergyBound } from './clairvoyant-bound';
export type { GoalCheck } from './goals';
export { standardPolicies } from './standard-policies';
export { ApronPolicy } from './policies/apron-policy';
export type { ApronPolicyOptions, PlannerLike } from './policies/apron-policy';
export {
  PriorityPolicy,
  UncontrolledPolicy,
  firstComeFirstServed,
  earliestDeadlineFirst,
  leastLaxityFirst,
  laxityMinutes,
} from './policies/priority-policies';
export { scenarioFromState } from './policies/scenario-from-state';
export { kpiTable } from './report/kpi-table';
export { evaluationPlots } from './report/evaluation-plots';
