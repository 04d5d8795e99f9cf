import { Problem } from '../problem/problem';
import { ResolvedPlanOptions } from '../types/plan-options';

/** How a tick plans its site. */
export interface Approach {
  /** One model decides assignments and charging (a small site); else assignments first, then charging. */
  jointSite: boolean;
  /** The near-window MIP timed out on this site lately and is skipped this tick (`MipBackoff`). */
  mipSkipped: boolean;
  /** Tasks starting within this many minutes get integral assignments in the joint model (0: LP + repair). */
  integerWindowMinutes: number;
}

/** Joint below `jointAssignmentLimit` assignment columns (option `decomposition: 'auto'`); the MIP in HiGHS only. */
export function chooseApproach(problem: Problem, options: ResolvedPlanOptions, mipSkipped: boolean): Approach {
  return {
    jointSite: !useTwoStage(problem, options),
    mipSkipped,
    integerWindowMinutes: options.solver === 'highs' && !mipSkipped ? options.integerWindowMinutes : 0,
  };
}

function useTwoStage(problem: Problem, options: ResolvedPlanOptions): boolean {
  if (options.decomposition !== 'auto') return options.decomposition === 'two-stage';
  const assignmentColumns = problem.tasks.reduce((sum, task) => sum + task.candidates.length, 0);
  return assignmentColumns > options.jointAssignmentLimit;
}
