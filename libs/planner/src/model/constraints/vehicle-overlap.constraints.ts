import { busyEndMinutes, Problem, ProblemTask, ProblemVehicle } from '../../problem/problem';
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
 * Maximal sets of tasks whose busy intervals on `vehicle` (turnaround included) share a point: the maximal cliques of
 * an interval graph, found by a sweep over start times. `tasks` must be sorted by start.
 */
export function maximalCliques(tasks: ProblemTask[], vehicle: ProblemVehicle): ProblemTask[][] {
  const cliques: ProblemTask[][] = [];
  const active: ProblemTask[] = [];
  let grown = false;
  for (const task of tasks) {
    const expired = active.filter((other) => busyEndMinutes(other, vehicle) <= task.startMinutes);
    if (expired.length > 0) {
      if (grown) cliques.push([...active]);
      grown = false;
      for (const other of expired) active.splice(active.indexOf(other), 1);
    }
    active.push(task);
    grown = true;
  }
  if (grown) cliques.push([...active]);
  return cliques;
}

/** A vehicle serves one task at a time, turnaround included: one row `Σ x ≤ 1` per maximal clique of its tasks. */
export function addVehicleOverlap(
  problem: Problem,
  vars: Variables,
  model: LinearModelBuilder,
  byVehicle: ProblemTask[][],
): void {
  for (const vehicle of problem.vehicles) {
    for (const clique of maximalCliques(byVehicle[vehicle.index], vehicle)) {
      if (clique.length < 2) continue;
      const terms: [number, number][] = clique.map((task) => [vars.assign[task.index].get(vehicle.index) ?? -1, 1]);
      model.addRow(`overlap|${vehicle.id}|${clique[0].id}|${clique[clique.length - 1].id}`, -Infinity, 1, terms);
    }
  }
}
