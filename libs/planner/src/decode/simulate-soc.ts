import { Problem } from '../problem/problem';
import { SocShortfall } from '../types/plan-result';

/** Stored energy (kWh) at every slot boundary from charging power and task draws: the energy balance, exactly. */
export function simulateVehicleKwh(
  problem: Problem,
  vehicleKw: number[][],
  assigned: Map<number, number[]>,
): number[][] {
  const { grid } = problem;
  const drawKwh = problem.vehicles.map(() => new Array<number>(grid.count).fill(0));
  for (const task of problem.tasks) {
    for (const v of assigned.get(task.index) ?? []) {
      for (const { slot, kwh } of task.energyBySlot) drawKwh[v][slot] += kwh;
    }
  }
  return problem.vehicles.map((vehicle) => {
    const kwh = [vehicle.initialKwh];
    for (let t = 0; t < grid.count; t++) {
      kwh.push(kwh[t] + vehicle.efficiency * grid.hours[t] * vehicleKw[vehicle.index][t] - drawKwh[vehicle.index][t]);
    }
    return kwh;
  });
}

export function simulateSessionKwh(problem: Problem, sessionKw: number[][]): number[][] {
  return problem.sessions.map((session) => {
    const kwh = [session.initialKwh];
    for (let t = 0; t < problem.grid.count; t++) {
      kwh.push(kwh[t] + session.efficiency * problem.grid.hours[t] * sessionKw[session.index][t]);
    }
    return kwh;
  });
}

const PERCENT_TOLERANCE = 1e-3;

/** Soft-bound violations to report: reserve and ceiling per vehicle, target per session. */
export function findShortfalls(problem: Problem, vehicleKwh: number[][], sessionKwh: number[][]): SocShortfall[] {
  const shortfalls: SocShortfall[] = [];
  for (const vehicle of problem.vehicles) {
    const percent = vehicleKwh[vehicle.index].map((kwh) => (kwh / vehicle.batteryKwh) * 100);
    const minPercent = (vehicle.minKwh / vehicle.batteryKwh) * 100;
    const maxPercent = (vehicle.maxKwh / vehicle.batteryKwh) * 100;
    const worst = (deficit: (p: number) => number, kind: SocShortfall['kind']) => {
      let boundary = -1;
      let amount = PERCENT_TOLERANCE;
      percent.forEach((p, b) => {
        if (deficit(p) > amount) [boundary, amount] = [b, deficit(p)];
      });
      if (boundary >= 0) shortfalls.push({ vehicleId: vehicle.id, kind, boundary, percent: round(amount) });
    };
    worst((p) => minPercent - p, 'belowMin');
    worst((p) => p - maxPercent, 'aboveMax');
  }
  for (const session of problem.sessions) {
    if (session.requiredBoundary < 0) continue;
    const missingKwh = session.requiredKwh - sessionKwh[session.index][session.requiredBoundary];
    const percent = (missingKwh / session.batteryKwh) * 100;
    if (percent > 1e-3) {
      shortfalls.push({
        sessionId: session.id,
        kind: 'target',
        boundary: session.requiredBoundary,
        percent: round(percent),
      });
    }
  }
  return shortfalls;
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
