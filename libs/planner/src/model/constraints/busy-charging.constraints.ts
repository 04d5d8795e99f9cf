import { at } from '../../problem/problem';
import { busyEndMinutes, Problem, ProblemTask } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { Variables } from '../variables';

/**
 * No charging in a slot that overlaps a vehicle's busy interval on an assigned task: p[v,t] <= cap * (1 - x[v,k]).
 * When the tasks touching a slot pairwise overlap, at most one is assigned and a single aggregated row suffices.
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
      const groups = pairwiseOverlapping(tasks, vehicle.turnaroundMinutes) ? [tasks] : tasks.map((task) => [task]);
      groups.forEach((group) => {
        const terms: [number, number][] = [[kw, 1]];
        for (const task of group) terms.push([vars.assign[task.index].get(v) ?? -1, capKw]);
        model.addRow(
          `busy|${vehicle.id}|${at(problem, t)}|${group.length > 1 ? '*' : group[0].id}`,
          -Infinity,
          capKw,
          terms,
        );
      });
    }
  }
}

function pairwiseOverlapping(tasks: ProblemTask[], turnaroundMinutes: number): boolean {
  for (let i = 0; i < tasks.length; i++) {
    for (let j = i + 1; j < tasks.length; j++) {
      const a = tasks[i];
      const b = tasks[j];
      if (!(a.startMinutes < b.endMinutes + turnaroundMinutes && b.startMinutes < a.endMinutes + turnaroundMinutes)) {
        return false;
      }
    }
  }
  return true;
}
