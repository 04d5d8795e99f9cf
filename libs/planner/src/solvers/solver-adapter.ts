import { LinearModel } from '../model/linear-model';
import { SolverName } from '../types/plan-options';

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'timeout' | 'error';

export interface SolveOutcome {
  status: SolveStatus;
  /** Column values when status is optimal or feasible (for a time-limited MIP: the incumbent). */
  values?: Float64Array;
  objective?: number;
  /** A valid lower bound on the optimum (LP optimum, or MIP dual bound). */
  bound?: number;
  message: string;
}

export interface SolveRequest {
  timeLimitSeconds: number;
  mipGap: number;
  /** Column bound changes against the loaded model (kept for later solves). */
  bounds?: { indices: number[]; lower: number[]; upper: number[] };
  /** Drop integrality from now on (the repair rounds re-solve LPs with fixed assignments). */
  relaxIntegrality?: boolean;
  /** LP algorithm (HiGHS only; default simplex): 'ipm' = interior point with crossover, faster on very large LPs. */
  algorithm?: 'simplex' | 'ipm';
}

/** One solver behind one interface: load a model, then solve it (again, with changed bounds). */
export interface SolverAdapter {
  readonly name: SolverName;
  /** `tag` names the model family (e.g. 'assign', 'plan'): warm starts reuse the last basis of the same family. */
  load(model: LinearModel, tag?: string, warmBasis?: boolean): Promise<void>;
  solve(request: SolveRequest): Promise<SolveOutcome>;
  dispose(): Promise<void>;
}
