import { performance } from 'node:perf_hooks';
import { buildModel } from './model/build-model';
import { normalizeInput } from './problem/normalize-input';
import { HighsAdapter } from './solvers/highs/highs.adapter';
import { scoreDecision } from './fallback/score-decision';
import { PlanInput } from './types/plan-input';
import { PlanResult } from './types/plan-result';
import { PlanOptions, resolvePlanOptions } from './types/plan-options';
import { PlanInputError } from './validation/plan-input.error';
import { validatePlanInput } from './validation/validate-plan-input';

export interface RelaxationBound {
  /** Lower bound on the objective of any plan for the input (same tiers and weights as `plan`); undefined if unsolved. */
  bound?: number;
  /** `result` scored on the same model (its reserve checked at the same boundaries), when a result was given. */
  objective?: number;
  /** (objective − bound) / max(1, |objective|), when both are known. */
  gap?: number;
  status: string;
  columns: number;
  rows: number;
  solveMs: number;
}

/**
 * A lower bound valid for the full problem: the LP relaxation of the joint model with every compatible vehicle a
 * candidate for every task (no candidate cap, no integer window). Any plan `plan` can return is a feasible point of
 * that model with integral assignments, so its objective is at least this bound. Slow (tens of seconds on a 60-bus,
 * 600-task day: interior point with crossover, in a worker of its own); for benchmarks and reports, never in a tick.
 */
export async function relaxationBound(
  input: PlanInput,
  result?: PlanResult,
  options: PlanOptions = {},
  timeLimitSeconds = 600,
): Promise<RelaxationBound> {
  const issues = validatePlanInput(input);
  if (issues.length > 0) throw new PlanInputError(issues);
  const problem = normalizeInput(input, resolvePlanOptions({ ...options, candidatesPerVehicleNeeded: Infinity }));
  const { model } = buildModel(problem, 0, false);
  const adapter = new HighsAdapter();
  const started = performance.now();
  try {
    await adapter.load(model, 'bound');
    const outcome = await adapter.solve({ timeLimitSeconds, mipGap: 0, algorithm: 'ipm' });
    const bound = outcome.status === 'optimal' ? outcome.bound : undefined;
    const objective = result ? scoreDecision(problem, result) : undefined;
    const gap =
      bound !== undefined && objective !== undefined
        ? Math.max(0, objective - bound) / Math.max(1, Math.abs(objective))
        : undefined;
    return {
      bound,
      objective,
      gap,
      status: outcome.status,
      columns: model.numCols,
      rows: model.numRows,
      solveMs: performance.now() - started,
    };
  } finally {
    await adapter.dispose();
  }
}
