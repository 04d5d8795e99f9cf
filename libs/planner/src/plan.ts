import { Planner } from './planner';
import { PlanInput } from './types/plan-input';
import { PlanOptions } from './types/plan-options';
import { PlanResult } from './types/plan-result';

let shared: Planner | undefined;

/**
 * Plans one scenario. Throws `PlanInputError` only for invalid input; infeasible, timed-out or crashed solves come back
 * as a `fallback` result with the reason in `message`. Reuses one process-wide warm planner (HiGHS worker stays loaded;
 * the worker is unref'd and does not keep the process alive). Use `Planner` directly for explicit lifetime control.
 */
export function plan(input: PlanInput, options: PlanOptions = {}): Promise<PlanResult> {
  shared ??= new Planner();
  return shared.plan(input, options);
}

/** Releases the shared planner's worker (tests, CLI). */
export async function disposeSharedPlanner(): Promise<void> {
  const planner = shared;
  shared = undefined;
  await planner?.dispose();
}
