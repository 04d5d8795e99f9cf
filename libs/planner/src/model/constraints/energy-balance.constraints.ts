import { at } from '../../problem/problem';
import { Problem } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { Variables } from '../variables';

/**
 * Vehicle energy at slot boundaries: e[t+1] = e[t] + efficiency * hours * p[t] - task energy drawn in slot t,
 * with e[0] the measured SoC. Task energy is spread evenly over the task and enters through the assignment x.
 */
export function addVehicleEnergyBalance(problem: Problem, vars: Variables, model: LinearModelBuilder): void {
  const drawBySlot = problem.vehicles.map(() => new Map<number, [number, number][]>());
  for (const task of problem.tasks) {
    for (const [v, column] of vars.assign[task.index]) {
      for (const { slot, kwh } of task.energyBySlot) {
        const terms = drawBySlot[v].get(slot) ?? [];
        terms.push([column, kwh]);
        drawBySlot[v].set(slot, terms);
      }
    }
  }
  for (const vehicle of problem.vehicles) {
    const v = vehicle.index;
    for (let t = 0; t < problem.grid.count; t++) {
      const terms: [number, number][] = [[vars.vehicleKwh[v][t], 1]];
      if (t > 0) terms.push([vars.vehicleKwh[v][t - 1], -1]);
      const kw = vars.vehicleKw[v][t];
      if (kw >= 0) terms.push([kw, -vehicle.efficiency * problem.grid.hours[t]]);
      terms.push(...(drawBySlot[v].get(t) ?? []));
      const rhs = t === 0 ? vehicle.initialKwh : 0;
      model.addRow(`balance|${vehicle.id}|${at(problem, t)}`, rhs, rhs, terms);
    }
  }
}

/**
 * Soft reserve: e[b] + short[b] >= reserve; the shortfall is paid in the readiness tier. Energy only falls during
 * tasks, so the rows sit at the boundaries that end a slot where a candidate task draws energy, and at the horizon end
 * (a vehicle that starts below its reserve is brought back by then).
 */
export function addReserveShortfall(problem: Problem, vars: Variables, model: LinearModelBuilder): void {
  for (const vehicle of problem.vehicles) {
    if (vehicle.minKwh <= 0) continue;
    for (let b = 0; b < problem.grid.count; b++) {
      if (vars.reserveShortKwh[vehicle.index][b] < 0) continue;
      const terms: [number, number][] = [
        [vars.vehicleKwh[vehicle.index][b], 1],
        [vars.reserveShortKwh[vehicle.index][b], 1],
      ];
      model.addRow(`reserve|${vehicle.id}|${at(problem, b + 1)}`, vehicle.minKwh, Infinity, terms);
    }
  }
}

/** Public sessions: energy balance, and the target energy by departure (soft, readiness tier). */
export function addSessionEnergy(problem: Problem, vars: Variables, model: LinearModelBuilder): void {
  for (const session of problem.sessions) {
    const s = session.index;
    for (let t = 0; t < problem.grid.count; t++) {
      const terms: [number, number][] = [[vars.sessionKwh[s][t], 1]];
      if (t > 0) terms.push([vars.sessionKwh[s][t - 1], -1]);
      const kw = vars.sessionKw[s][t];
      if (kw >= 0) terms.push([kw, -session.efficiency * problem.grid.hours[t]]);
      const rhs = t === 0 ? session.initialKwh : 0;
      model.addRow(`sbalance|${session.id}|${at(problem, t)}`, rhs, rhs, terms);
    }
    const short = vars.sessionShortKwh[s];
    if (short < 0) continue;
    const stored = vars.sessionKwh[s][session.requiredBoundary - 1];
    model.addRow(`target|${session.id}`, session.requiredKwh, Infinity, [
      [stored, 1],
      [short, 1],
    ]);
  }
}
