import { busyEndMinutes, Problem, ProblemTask } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { Variables } from '../variables';

/** Candidate tasks of each vehicle, sorted by start. */
export function tasksByVehicle(problem: Problem): ProblemTask[][] {
  const byVehicle: ProblemTask[][] = problem.vehicles.map(() => []);
  for (const task of problem.tasks) for (const v of task.candidates) byVehicle[v].push(task);
  for (const list of byVehicle) list.sort((a, b) => a.startMinutes - b.startMinutes || a.index - b.index);
  return byVehicle;
}

/**
 * A vehicle serves one task at a time, turnaround included: one row per maximal set of its candidate tasks whose
 * busy intervals share a point (maximal cliques of an interval graph, found by a sweep over start times).
 */
export function addVehicleOverlap(
  problem: Problem,
  vars: Variables,
  model: LinearModelBuilder,
  byVehicle: ProblemTask[][],
): void {
  for (const vehicle of problem.vehicles) {
    const active: ProblemTask[] = [];
    let grown = false;
    const emit = () => {
      if (!grown || active.length < 2) return;
      const terms: [number, number][] = active.map((task) => [vars.assign[task.index].get(vehicle.index) ?? -1, 1]);
      model.addRow(`overlap|${vehicle.id}|${active[0].id}|${active[active.length - 1].id}`, -Infinity, 1, terms);
    };
    for (const task of byVehicle[vehicle.index]) {
      const expired = active.filter((other) => busyEndMinutes(other, vehicle) <= task.startMinutes);
      if (expired.length > 0) {
        emit();
        grown = false;
        for (const other of expired) active.splice(active.indexOf(other), 1);
      }
      active.push(task);
      grown = true;
    }
    emit();
  }
}
