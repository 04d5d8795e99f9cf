import type { Decision, StepView } from '../evaluation-types';

/**
 * The baselines' fleet rule: at each due task's start (or while it is late), in start order, send the idle vehicles
 * of its type with the most energy, if enough of them hold at least the task's energy. `skip` holds vehicles that
 * must not be used (e.g. already chosen by another rule this step).
 */
export function assignMostEnergy(view: StepView, skip: ReadonlySet<string> = new Set()): Decision['assignments'] {
  const taken = new Set(skip);
  const assignments: Decision['assignments'] = [];
  for (const task of view.openTasks) {
    if (task.startMinutes > view.minutes) continue;
    const candidates = view.vehicles
      .filter(
        (vehicle) =>
          !taken.has(vehicle.spec.id) &&
          vehicle.busyUntilMinutes <= view.minutes &&
          vehicle.spec.type === task.spec.vehicleType &&
          vehicle.energyKwh >= task.energyKwhPerVehicle,
      )
      .sort((a, b) => b.energyKwh - a.energyKwh || a.spec.id.localeCompare(b.spec.id))
      .slice(0, task.vehiclesNeeded);
    if (candidates.length < task.vehiclesNeeded) continue;
    candidates.forEach((vehicle) => taken.add(vehicle.spec.id));
    assignments.push({ taskId: task.spec.id, vehicleIds: candidates.map((vehicle) => vehicle.spec.id) });
  }
  return assignments;
}

/** Ids of the vehicles an assignment list sends away. */
export function departingIds(assignments: Decision['assignments']): Set<string> {
  return new Set(assignments.flatMap((assignment) => assignment.vehicleIds));
}
