import solver from 'javascript-lp-solver';
import { LinearModel } from '../model/linear-model';
import { SolveOutcome, SolveRequest, SolverAdapter } from './solver-adapter';

type JslpConstraint = { min?: number; max?: number; equal?: number };

/**
 * javascript-lp-solver, in process, for small models (tests cross-check HiGHS with it). It has no column bounds, so
 * finite bounds become rows. It runs on the calling thread: keep it to small models.
 */
export class JslpAdapter implements SolverAdapter {
  readonly name = 'jslp' as const;
  private model?: LinearModel;
  private lower?: Float64Array;
  private upper?: Float64Array;
  private integer = true;

  async load(model: LinearModel): Promise<void> {
    this.model = model;
    this.lower = Float64Array.from(model.colLower);
    this.upper = Float64Array.from(model.colUpper);
    this.integer = true;
  }

  async solve(request: SolveRequest): Promise<SolveOutcome> {
    const model = this.model;
    if (!model || !this.lower || !this.upper) return { status: 'error', message: 'jslp: no model loaded' };
    if (request.relaxIntegrality) this.integer = false;
    request.bounds?.indices.forEach((column, i) => {
      this.lower![column] = request.bounds!.lower[i];
      this.upper![column] = request.bounds!.upper[i];
    });
    try {
      const jslpModel = this.toJslp(model, request);
      const result = solver.Solve(jslpModel as Parameters<typeof solver.Solve>[0]) as Record<string, unknown>;
      if (!result.feasible) return { status: 'infeasible', message: 'jslp: infeasible' };
      if (result.bounded === false) return { status: 'error', message: 'jslp: unbounded' };
      const values = new Float64Array(model.numCols);
      uniqueNames(model.colNames).forEach((name, j) => {
        const value = result[name];
        values[j] = typeof value === 'number' ? value : 0;
      });
      const hasIntegers = this.integer && model.integrality.some((flag) => flag !== 0);
      // jslp may return a fractional "feasible" answer on timeout: the planner re-checks integrality itself.
      return {
        status: 'optimal',
        values,
        objective: typeof result.result === 'number' ? result.result : undefined,
        bound: hasIntegers ? undefined : (result.result as number),
        message: 'jslp solved',
      };
    } catch (error) {
      return { status: 'error', message: `jslp: ${(error as Error).message}` };
    }
  }

  async dispose(): Promise<void> {
    this.model = undefined;
  }

  private toJslp(model: LinearModel, request: SolveRequest) {
    const colNames = uniqueNames(model.colNames);
    const rowNames = uniqueNames(model.rowNames);
    const constraints: Record<string, JslpConstraint> = {};
    const variables: Record<string, Record<string, number>> = {};
    const ints: Record<string, 1> = {};
    for (let j = 0; j < model.numCols; j++) {
      const name = colNames[j];
      variables[name] = { cost: model.colCost[j] };
      if (Number.isFinite(this.upper![j])) {
        constraints[`ub:${name}`] = { max: this.upper![j] };
        variables[name][`ub:${name}`] = 1;
      }
      if (this.lower![j] > 0) {
        constraints[`lb:${name}`] = { min: this.lower![j] };
        variables[name][`lb:${name}`] = 1;
      }
      if (this.integer && model.integrality[j] !== 0) ints[name] = 1;
    }
    for (let i = 0; i < model.numRows; i++) {
      const name = rowNames[i];
      const lower = model.rowLower[i];
      const upper = model.rowUpper[i];
      const bound: JslpConstraint = {};
      if (lower === upper) bound.equal = lower;
      else {
        if (Number.isFinite(lower)) bound.min = lower;
        if (Number.isFinite(upper)) bound.max = upper;
      }
      constraints[name] = bound;
      for (let k = model.rowStarts[i]; k < model.rowStarts[i + 1]; k++) {
        variables[colNames[model.rowIndices[k]]][name] = model.rowValues[k];
      }
    }
    return {
      optimize: 'cost',
      opType: 'min' as const,
      constraints,
      variables,
      ints,
      timeout: Math.max(10, request.timeLimitSeconds * 1000),
      options: { tolerance: request.mipGap },
    };
  }
}

/** jslp keys variables and constraints by name: make clashing names distinct. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate); n++) candidate = `${name}#${n}`;
    seen.add(candidate);
    return candidate;
  });
}
