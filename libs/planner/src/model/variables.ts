import { at, busyEndMinutes } from '../problem/problem';
import { Problem, reserveCheckSlots } from '../problem/problem';
import { LinearModelBuilder } from './linear-model';

/** Column indices of the model's variables; -1 where a variable is fixed at zero and left out. */
export interface Variables {
  /** Vehicle charging power (kW, grid side, slot mean) [vehicle][slot]. */
  vehicleKw: number[][];
  /** Vehicle stored energy (kWh) at boundaries 1..T [vehicle][boundary - 1]. */
  vehicleKwh: number[][];
  /** Energy below the reserve (kWh) at boundaries 1..T [vehicle][boundary - 1]. */
  reserveShortKwh: number[][];
  /** Assignment [task] -> map vehicle -> column. */
  assign: Map<number, number>[];
  /** Vehicles missing on each task (count). */
  unserved: number[];
  sessionKw: number[][];
  sessionKwh: number[][];
  sessionShortKwh: number[];
  /** Site charging power (kW) per slot, base load excluded. */
  siteKw: number[];
  peakKw: number;
  /** |siteKw[t] - siteKw[t - 1]| for t >= 1 (index t - 1). */
  rampKw: number[];
}

export function addVariables(
  problem: Problem,
  model: LinearModelBuilder,
  integerWindowMinutes: number,
  fixAssignments = false,
  withoutBusyPower = false,
): Variables {
  const { grid } = problem;
  const T = grid.count;
  const busy = withoutBusyPower ? fixedBusySlots(problem) : undefined;
  const vehicleKw = problem.vehicles.map((vehicle) =>
    vehicle.availableFraction.map((fraction, t) =>
      fraction > 0 && vehicle.maxKw > 0 && !busy?.[vehicle.index][t]
        ? model.addColumn(`p|${vehicle.id}|${at(problem, t)}`, 0, vehicle.maxKw * fraction)
        : -1,
    ),
  );
  const vehicleKwh = problem.vehicles.map((vehicle) =>
    range(T).map((t) =>
      model.addColumn(`e|${vehicle.id}|${at(problem, t + 1)}`, 0, Math.max(vehicle.maxKwh, vehicle.initialKwh)),
    ),
  );
  const drawEnds = reserveCheckSlots(problem);
  const reserveShortKwh = problem.vehicles.map((vehicle) =>
    range(T).map((t) =>
      vehicle.minKwh > 0 && drawEnds[vehicle.index].has(t)
        ? model.addColumn(`s|${vehicle.id}|${at(problem, t + 1)}`, 0, vehicle.minKwh)
        : -1,
    ),
  );
  const assign = problem.tasks.map((task) => {
    const columns = new Map<number, number>();
    const integer = integerWindowMinutes > 0 && task.startMinutes < integerWindowMinutes;
    for (const v of task.candidates) {
      const pinned = fixAssignments || task.pinned.includes(v) ? 1 : 0;
      columns.set(v, model.addColumn(`x|${task.id}|${problem.vehicles[v].id}`, pinned, 1, 0, integer));
    }
    return columns;
  });
  const unserved = problem.tasks.map((task) => model.addColumn(`u|${task.id}`, 0, task.needed));
  const sessionKw = problem.sessions.map((session) =>
    session.availableFraction.map((fraction, t) =>
      fraction > 0 ? model.addColumn(`q|${session.id}|${at(problem, t)}`, 0, session.maxKw * fraction) : -1,
    ),
  );
  const sessionKwh = problem.sessions.map((session) =>
    range(T).map((t) => model.addColumn(`f|${session.id}|${at(problem, t + 1)}`, 0, session.maxKwh)),
  );
  const sessionShortKwh = problem.sessions.map((session) =>
    session.requiredBoundary > 0 ? model.addColumn(`r|${session.id}`, 0, Math.max(0, session.requiredKwh)) : -1,
  );
  const siteCapKw = Math.max(0, problem.gridLimitKw - problem.baseLoadKw);
  const siteKw = range(T).map((t) => model.addColumn(`P|${at(problem, t)}`, 0, siteCapKw));
  const peakKw = problem.demandChargePerKw > 0 ? model.addColumn('peak', 0, problem.gridLimitKw) : -1;
  const rampKw = range(T - 1).map((t) => model.addColumn(`d|${at(problem, t + 1)}`, 0, siteCapKw));
  return {
    vehicleKw,
    vehicleKwh,
    reserveShortKwh,
    assign,
    unserved,
    sessionKw,
    sessionKwh,
    sessionShortKwh,
    siteKw,
    peakKw,
    rampKw,
  };
}

/**
 * Slots each vehicle is busy in on a fixed assignment (every candidate serves its task): the busy-charging rows would
 * force its power there to 0, so stage 2 leaves those power columns out instead of adding them with their rows.
 * Why: presolve removes them from the first solve anyway, but the repair rounds re-solve the unpresolved model (HiGHS
 * skips presolve when it starts from a basis), and on the large bench site about a third of the power columns are
 * such dead columns with a row each.
 */
function fixedBusySlots(problem: Problem): boolean[][] {
  const { grid } = problem;
  const busy = problem.vehicles.map(() => new Array<boolean>(grid.count).fill(false));
  for (const task of problem.tasks) {
    for (const v of task.candidates) {
      const busyEnd = busyEndMinutes(task, problem.vehicles[v]);
      for (let t = 0; t < grid.count; t++) {
        if (grid.boundaryMinutes[t] < busyEnd && task.startMinutes < grid.boundaryMinutes[t + 1]) busy[v][t] = true;
      }
    }
  }
  return busy;
}

export function range(n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => i);
}
