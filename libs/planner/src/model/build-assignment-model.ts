import { Problem } from '../problem/problem';
import { addTaskCover } from './constraints/task-cover.constraints';
import { addVehicleOverlap, tasksByVehicle } from './constraints/vehicle-overlap.constraints';
import { LinearModel, LinearModelBuilder } from './linear-model';
import { tierWeights } from './tier-weights';
import { Variables } from './variables';

export interface AssignmentModel {
  model: LinearModel;
  vars: Pick<Variables, 'assign' | 'unserved'>;
}

const CHECKPOINT_HOURS = 3;

/**
 * Stage 1 of the two-stage plan for large sites: who serves which task, with charging summarised. Same cover and
 * one-task-at-a-time rows as the joint model; energy enters as soft budgets at 3-hourly checkpoints: what a vehicle's
 * finished tasks drew by then is at most its energy above reserve plus what it could have charged at its share of the
 * grid; the fleet's draws are at most the fleet's energy above reserve plus the grid's. A budget overrun is paid in
 * the readiness tier, so it steers the choice but never makes a task unserved on its own.
 */
export function buildAssignmentModel(problem: Problem, integerWindowMinutes: number): AssignmentModel {
  const builder = new LinearModelBuilder();
  const weights = tierWeights(problem);
  const assign = problem.tasks.map((task) => {
    const columns = new Map<number, number>();
    const integer = integerWindowMinutes > 0 && task.startMinutes < integerWindowMinutes;
    for (const v of task.candidates) {
      const pinned = task.pinned.includes(v) ? 1 : 0;
      columns.set(v, builder.addColumn(`x|${task.id}|${problem.vehicles[v].id}`, pinned, 1, 0, integer));
    }
    return columns;
  });
  const unserved = problem.tasks.map((task) =>
    builder.addColumn(`u|${task.id}`, 0, task.needed, weights.unservedPerVehicle),
  );
  const vars = { assign, unserved } as Variables;
  addTaskCover(problem, vars, builder);
  addVehicleOverlap(problem, vars, builder, tasksByVehicle(problem));

  const byVehicle = tasksByVehicle(problem);
  const horizonHours = problem.grid.boundaryMinutes[problem.grid.count] / 60;
  const gridKw = Math.max(0, problem.gridLimitKw - problem.baseLoadKw);
  const shareKw = problem.vehicles.length > 0 ? gridKw / problem.vehicles.length : 0;
  for (let hour = CHECKPOINT_HOURS; hour < horizonHours + CHECKPOINT_HOURS; hour += CHECKPOINT_HOURS) {
    const untilMinutes = Math.min(hour, horizonHours) * 60;
    const fleet: [number, number][] = [];
    let fleetBudgetKwh = gridKw * (untilMinutes / 60);
    for (const vehicle of problem.vehicles) {
      const terms: [number, number][] = [];
      for (const task of byVehicle[vehicle.index]) {
        if (task.startMinutes >= untilMinutes) break;
        const column = assign[task.index].get(vehicle.index)!;
        const drawnKwh = task.energyBySlot
          .filter(({ slot }) => problem.grid.boundaryMinutes[slot] < untilMinutes)
          .reduce((sum, { kwh }) => sum + kwh, 0);
        if (drawnKwh > 0) terms.push([column, drawnKwh]);
      }
      if (terms.length === 0) continue;
      const chargeableKwh = vehicle.efficiency * Math.min(vehicle.maxKw, shareKw) * (untilMinutes / 60);
      const budgetKwh = Math.max(0, vehicle.initialKwh - vehicle.minKwh) + chargeableKwh;
      fleetBudgetKwh += Math.max(0, vehicle.initialKwh - vehicle.minKwh);
      const over = builder.addColumn(`over|${vehicle.id}|${hour}`, 0, Infinity, weights.readinessPerKwh);
      builder.addRow(`budget|${vehicle.id}|${hour}`, -Infinity, budgetKwh, [...terms, [over, -1]]);
      fleet.push(...terms);
    }
    if (fleet.length === 0) continue;
    const over = builder.addColumn(`over|fleet|${hour}`, 0, Infinity, weights.readinessPerKwh);
    builder.addRow(`budget|fleet|${hour}`, -Infinity, fleetBudgetKwh, [...fleet, [over, -1]]);
  }
  return { model: builder.build(), vars };
}
