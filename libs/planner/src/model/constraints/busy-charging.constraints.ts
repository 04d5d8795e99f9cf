import { at } from '../../problem/problem';
import { busyEndMinutes, Problem, ProblemTask } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { maximalCliques } from './vehicle-overlap.constraints';
import { Variables } from '../variables';

/**
 * No charging in a slot that overlaps a vehicle's busy interval on an assigned task: p[v,t] <= cap * (1 - x[v,k]).
 * Written per maximal clique C of the tasks touching the slot (busy intervals sharing a point):
 * p[v,t] <= cap * (1 - Σ_{k in C} x[v,k]). Valid because the vehicle serves at most one task of a clique, and far
 * tighter in the LP relaxation than one row per task: with one row per task, a vehicle spread thinly over n
 * overlapping tasks (x = 1/n each) kept charging at (1 - 1/n) of its power in a slot it is in fact busy for. That made
 * the relaxation bound loose exactly in the busy hourly slots of a wave, where the integral plan cannot charge.
 */
export function addNoChargingWhileBusy(
  problem: Problem,
  vars: Variables,
  model: LinearModelBuilder,
  byVehicle: ProblemTask[][],
  colUpper: (column: number) => number,
): void {
  const { grid } = problem;
  for (const vehicle of problem.vehicles) {
    const v = vehicle.index;
    const touching: ProblemTask[][] = Array.from({ length: grid.count }, () => []);
    for (const task of byVehicle[v]) {
      const busyEnd = busyEndMinutes(task, vehicle);
      for (let t = 0; t < grid.count; t++) {
        if (grid.boundaryMinutes[t] < busyEnd && task.startMinutes < grid.boundaryMinutes[t + 1])
          touching[t].push(task);
      }
    }
    for (let t = 0; t < grid.count; t++) {
      const kw = vars.vehicleKw[v][t];
      const tasks = touching[t];
      if (kw < 0 || tasks.length === 0) continue;
      const capKw = colUpper(kw);
      maximalCliques(tasks, vehicle).forEach((group) => {
        const terms: [number, number][] = [[kw, 1]];
        for (const task of group) terms.push([vars.assign[task.index].get(v) ?? -1, capKw]);
        model.addRow(
          `busy|${vehicle.id}|${at(problem, t)}|${group[0].id}|${group[group.length - 1].id}`,
          -Infinity,
          capKw,
          terms,
        );
      });
    }
  }
}
