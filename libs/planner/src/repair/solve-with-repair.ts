import { BuiltModel } from '../model/build-model';
import { Problem } from '../problem/problem';
import { SolveOutcome, SolverAdapter } from '../solvers/solver-adapter';
import { allocateConnectors, ConnectorAllocation } from './connector-allocation';
import { assignmentsIntegral, BoundChanges, dropFractional, roundAssignments } from './round-assignments';

const MAX_REPAIR_ROUNDS = 8;

export interface RepairedSolution {
  values: Float64Array;
  allocation: ConnectorAllocation;
  vehicleKw: number[][];
  sessionKw: number[][];
  /** Lower bound on the optimum from the first solve (LP relaxation or MIP dual bound). */
  bound?: number;
  /** Whether the first solve reported optimality (within the MIP gap). */
  firstOptimal: boolean;
  rounds: number;
  firstSolveMs: number;
  /** The near-window MIP ran out of `mipTimeLimitSeconds` and the plan came from the LP relaxation with repair. */
  mipTimedOut: boolean;
}

export type RepairOutcome =
  | { ok: true; solution: RepairedSolution }
  | {
      ok: false;
      reason: string;
      /** Stage 2 was infeasible on the model without the busy slots' power columns: build the full model to release. */
      needsFullModel?: boolean;
    };

/**
 * Solve, then repair until the plan is integral and fits the real connectors: (1) round a fractional assignment and
 * re-solve the LP with it fixed; (2) drop assignments the LP could only partly honour; (3) cap power the decoder
 * could not place on a connector. Each round re-solves the same loaded model with changed bounds (warm in HiGHS).
 */
/**
 * Bounds that fix every assignment column at its (integral) value; with `releaseTo` (the model's own lower bounds:
 * 1 for pins, else 0) the upper bounds stay but chosen columns may fall again.
 */
function fixIntegral(vars: BuiltModel['vars'], values: Float64Array, releaseTo?: Float64Array): BoundChanges {
  const changes: BoundChanges = { indices: [], lower: [], upper: [] };
  for (const columns of vars.assign) {
    for (const column of columns.values()) {
      const value = Math.round(values[column]);
      changes.indices.push(column);
      changes.lower.push(releaseTo ? releaseTo[column] : value);
      changes.upper.push(value);
    }
  }
  return changes;
}

/** Assignment columns fixed at 1 that are not pins (stage 2 of the two-stage plan). */
function fixedAssignments(problem: Problem, vars: BuiltModel['vars'], lower: Float64Array): BoundChanges {
  const changes: BoundChanges = { indices: [], lower: [], upper: [] };
  for (const task of problem.tasks) {
    for (const [v, column] of vars.assign[task.index]) {
      if (lower[column] < 0.5 || task.pinned.includes(v)) continue;
      changes.indices.push(column);
      changes.lower.push(0);
      changes.upper.push(1);
    }
  }
  return changes;
}

export async function solveWithRepair(
  adapter: SolverAdapter,
  built: BuiltModel,
  problem: Problem,
  deadlineMs: number,
  mipGap: number,
  now: () => number,
  warmBasis = false,
  mipTimeLimitSeconds = Infinity,
): Promise<RepairOutcome> {
  const { model, vars } = built;
  const lower = Float64Array.from(model.colLower);
  const upper = Float64Array.from(model.colUpper);
  const remaining = () => Math.max(0.01, (deadlineMs - now()) / 1000);
  if (now() >= deadlineMs) return { ok: false, reason: 'the time limit was spent before the solve could start' };
  const firstStart = now();
  await adapter.load(model, 'plan', warmBasis);
  const isMip = model.integrality.some((flag) => flag !== 0);
  const firstLimit = isMip ? Math.min(remaining(), mipTimeLimitSeconds) : remaining();
  let outcome: SolveOutcome = await adapter.solve({ timeLimitSeconds: firstLimit, mipGap });
  const mipTimedOut = isMip && (outcome.status === 'timeout' || outcome.status === 'feasible');
  if (mipTimedOut) {
    // The MIP did not finish within its share of the budget (a site short of vehicles makes a very symmetric MIP; its
    // incumbent then left a dozen more vehicles missing than rounding does): plan on the LP relaxation and let the
    // repair rounds make it integral, as for the far window.
    outcome = await adapter.solve({ timeLimitSeconds: remaining(), mipGap, relaxIntegrality: true });
  }
  const relax = fixedAssignments(problem, vars, lower);
  if (outcome.status === 'infeasible' && relax.indices.length > 0 && built.withoutBusyPower) {
    // Released, a vehicle could charge in the slots of the tasks it drops, which this model has no columns for.
    return { ok: false, reason: 'fixed assignments infeasible', needsFullModel: true };
  }
  if (outcome.status === 'infeasible' && relax.indices.length > 0) {
    // Some fixed assignment is short of energy: let the LP drop it (then the repair rounds make it integral).
    relax.indices.forEach((column) => (lower[column] = 0));
    outcome = await adapter.solve({ timeLimitSeconds: remaining(), mipGap, bounds: relax, relaxIntegrality: true });
  }
  if (!outcome.values || (outcome.status !== 'optimal' && outcome.status !== 'feasible')) {
    return { ok: false, reason: `${adapter.name} ${outcome.status}: ${outcome.message}` };
  }
  const firstSolveMs = now() - firstStart;
  const bound = outcome.bound;
  const firstOptimal = outcome.status === 'optimal';
  let values = outcome.values;
  let rounded = false;
  let assignmentsFixed = false;
  for (let round = 1; ; round++) {
    const vehicleKw = vars.vehicleKw.map((row) => row.map((column) => (column >= 0 ? Math.max(0, values[column]) : 0)));
    const sessionKw = vars.sessionKw.map((row) => row.map((column) => (column >= 0 ? Math.max(0, values[column]) : 0)));
    const integral = assignmentsIntegral(vars, values);
    const allocation = allocateConnectors(problem, vehicleKw, sessionKw);
    if ((integral && allocation.cuts.length === 0) || (integral && round > MAX_REPAIR_ROUNDS)) {
      return {
        ok: true,
        solution: {
          values,
          allocation,
          vehicleKw,
          sessionKw,
          bound,
          firstOptimal,
          rounds: round - 1,
          firstSolveMs,
          mipTimedOut,
        },
      };
    }
    if (round > MAX_REPAIR_ROUNDS + 2) return { ok: false, reason: `repair did not converge in ${round - 1} rounds` };
    // An integral assignment (the MIP's, or one already repaired) is fixed before the connector re-solve: left free, the
    // LP relaxation split a served task over two buses, the next round dropped both fractional columns and the task
    // went unserved although the MIP had a bus for it.
    const fixNow = integral && !assignmentsFixed;
    const changes: BoundChanges = integral
      ? fixNow
        ? fixIntegral(vars, values)
        : { indices: [], lower: [], upper: [] }
      : rounded
        ? dropFractional(vars, values, lower)
        : roundAssignments(problem, vars, values, upper);
    if (integral) assignmentsFixed = true;
    else rounded = true;
    const lowerBeforeFix = fixNow ? Float64Array.from(lower) : undefined;
    for (const cut of allocation.cuts) {
      changes.indices.push(vars.vehicleKw[cut.vehicle][cut.slot]);
      changes.lower.push(0);
      changes.upper.push(Math.min(upper[vars.vehicleKw[cut.vehicle][cut.slot]], cut.grantedKw));
    }
    // A slot with more vehicles charging than connectors is closed to every vehicle that did not get one: capping only
    // the cut ones let the re-solve move their energy to other vehicles in the same slot, which overflowed it again.
    for (const t of allocation.fullSlots) {
      for (const vehicle of problem.vehicles) {
        const column = vars.vehicleKw[vehicle.index][t];
        if (column < 0 || allocation.chargerOf[vehicle.index][t] >= 0 || upper[column] === 0) continue;
        changes.indices.push(column);
        changes.lower.push(0);
        changes.upper.push(0);
      }
    }
    changes.indices.forEach((column, i) => {
      lower[column] = changes.lower[i];
      upper[column] = changes.upper[i];
    });
    outcome = await adapter.solve({ timeLimitSeconds: remaining(), mipGap, bounds: changes, relaxIntegrality: true });
    if (outcome.status === 'infeasible' && fixNow) {
      // The closed slots leave a fixed vehicle short of energy: let the LP serve its task partly (dropped next round).
      const release = fixIntegral(vars, values, lowerBeforeFix);
      release.indices.forEach((column, i) => (lower[column] = release.lower[i]));
      outcome = await adapter.solve({ timeLimitSeconds: remaining(), mipGap, bounds: release, relaxIntegrality: true });
      assignmentsFixed = false;
      rounded = true;
    }
    if (!outcome.values || (outcome.status !== 'optimal' && outcome.status !== 'feasible')) {
      return { ok: false, reason: `${adapter.name} ${outcome.status} in repair round ${round}: ${outcome.message}` };
    }
    values = outcome.values;
  }
}
