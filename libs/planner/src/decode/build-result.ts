import { Problem } from '../problem/problem';
import { Assignment, ChargingRow, PlanResult, PlanStatus, SocRow, UnservedTask } from '../types/plan-result';
import { findShortfalls, round, simulateSessionKwh, simulateVehicleKwh } from './simulate-soc';

/** A plan in problem terms: what the solver decoded, or what the fallback heuristic decided. */
export interface PlanDecision {
  /** Vehicles per task index. */
  assigned: Map<number, number[]>;
  vehicleKw: number[][];
  /** Charger per [vehicle][slot], -1 when idle. */
  chargerOf: number[][];
  sessionKw: number[][];
}

export interface ResultMeta {
  status: PlanStatus;
  message: string;
  solveMs: number;
  objective: number;
  gap?: number;
}

/** Turns a decision into the contract result: rows per charger, SoC by simulation, totals, reported shortfalls. */
export function buildResult(problem: Problem, decision: PlanDecision, meta: ResultMeta): PlanResult {
  const { grid } = problem;
  const vehicleKw = decision.vehicleKw.map((row) => row.map((kw) => roundDownKw(kw)));
  const sessionKw = decision.sessionKw.map((row) => row.map((kw) => roundDownKw(kw)));
  const assignments: Assignment[] = [];
  const unserved: UnservedTask[] = [];
  for (const task of problem.tasks) {
    const vehicles = decision.assigned.get(task.index) ?? [];
    for (const v of vehicles) assignments.push({ taskId: task.id, vehicleId: problem.vehicles[v].id });
    if (vehicles.length < task.needed)
      unserved.push({ taskId: task.id, missingVehicles: task.needed - vehicles.length });
  }
  const charging: ChargingRow[] = [];
  for (const vehicle of problem.vehicles) {
    const chargers = [...new Set(decision.chargerOf[vehicle.index].filter((c) => c >= 0))].sort((a, b) => a - b);
    for (const c of chargers) {
      const kw = vehicleKw[vehicle.index].map((value, t) => (decision.chargerOf[vehicle.index][t] === c ? value : 0));
      charging.push({ vehicleId: vehicle.id, chargerId: problem.chargers[c].id, kw });
    }
  }
  for (const session of problem.sessions) {
    charging.push({
      sessionId: session.id,
      chargerId: problem.chargers[session.charger].id,
      kw: sessionKw[session.index],
    });
  }
  const vehicleKwh = simulateVehicleKwh(problem, vehicleKw, decision.assigned);
  const sessionKwh = simulateSessionKwh(problem, sessionKw);
  const soc: SocRow[] = [
    ...problem.vehicles.map((vehicle) => ({
      vehicleId: vehicle.id,
      percent: vehicleKwh[vehicle.index].map((kwh) => round((kwh / vehicle.batteryKwh) * 100)),
    })),
    ...problem.sessions.map((session) => ({
      sessionId: session.id,
      percent: sessionKwh[session.index].map((kwh) => round((kwh / session.batteryKwh) * 100)),
    })),
  ];
  const sitePowerKw = grid.hours.map((_, t) =>
    round(vehicleKw.reduce((sum, row) => sum + row[t], 0) + sessionKw.reduce((sum, row) => sum + row[t], 0)),
  );
  const peakKw = round(Math.max(0, ...sitePowerKw.map((kw) => kw + problem.baseLoadKw)));
  const energyCost = sitePowerKw.reduce((sum, kw, t) => sum + kw * grid.hours[t] * problem.pricePerKwh[t], 0);
  const shortfalls = findShortfalls(problem, vehicleKwh, sessionKwh);
  const result: PlanResult = {
    status: meta.status,
    message: meta.message,
    solveMs: round(meta.solveMs, 1),
    objective: round(meta.objective),
    costTotal: round(energyCost + problem.demandChargePerKw * peakKw),
    peakKw,
    slotStarts: grid.startIso,
    assignments,
    unserved,
    charging,
    soc,
    sitePowerKw,
  };
  if (shortfalls.length > 0) result.shortfalls = shortfalls;
  if (meta.gap !== undefined) result.gap = round(meta.gap, 6);
  return result;
}

/**
 * Power is rounded down, never up: rounding each of several rows to the nearest 0.1 W let a slot's sum land a fraction
 * of a watt above a binding grid or connector limit, and a limit is a limit. Charging 0.1 W less is always safe.
 */
function roundDownKw(kw: number): number {
  // The 1e-3 (of 0.1 W) keeps a solver's 79.99999999 from becoming 79.9999.
  return Math.max(0, Math.floor(kw * 1e4 + 1e-3) / 1e4);
}
