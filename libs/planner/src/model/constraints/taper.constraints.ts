import { at } from '../../problem/problem';
import { Problem } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { Variables } from '../variables';

/**
 * Charging taper: above the knee SoC the power limit falls linearly to zero at 100 %. Written against the energy
 * at the end of the slot, so a long slot cannot overshoot the curve:
 *   p[t] <= pMax * (E_full - e[t+1]) / (E_full - E_knee).
 */
export function addTaper(problem: Problem, vars: Variables, model: LinearModelBuilder): void {
  const knee = problem.taperKneePercent / 100;
  if (knee >= 1) return;
  const add = (
    name: string,
    kwColumns: number[],
    kwhColumns: number[],
    item: { batteryKwh: number; maxKw: number; initialKwh: number; efficiency: number; availableFraction: number[] },
  ) => {
    const { batteryKwh, maxKw } = item;
    const kneeKwh = knee * batteryKwh;
    const slope = maxKw / (batteryKwh - kneeKwh);
    let reachableKwh = item.initialKwh;
    kwColumns.forEach((kw, t) => {
      reachableKwh += item.efficiency * maxKw * problem.grid.hours[t] * item.availableFraction[t];
      // Below the knee the row is implied by the column bound: leave it out.
      if (kw < 0 || reachableKwh <= kneeKwh) return;
      model.addRow(`taper|${name}|${at(problem, t)}`, -Infinity, slope * batteryKwh, [
        [kw, 1],
        [kwhColumns[t], slope],
      ]);
    });
  };
  for (const vehicle of problem.vehicles) {
    if (Math.max(vehicle.maxKwh, vehicle.initialKwh) <= knee * vehicle.batteryKwh || vehicle.maxKw <= 0) continue;
    add(`v|${vehicle.id}`, vars.vehicleKw[vehicle.index], vars.vehicleKwh[vehicle.index], vehicle);
  }
  for (const session of problem.sessions) {
    if (session.maxKwh <= knee * session.batteryKwh) continue;
    add(`s|${session.id}`, vars.sessionKw[session.index], vars.sessionKwh[session.index], session);
  }
}
