import type { TaskInput } from '@apron/planner';
import type { EffectivePlan } from '../../scheduling/current-plan.reader';
import { boundariesMs } from '../../scheduling/plan-slots';

export type { EffectivePlan } from '../../scheduling/current-plan.reader';

// Slot arithmetic lives with the plans it describes; re-exported for the board's modules.
export { boundariesMs, slotIndexAt } from '../../scheduling/plan-slots';

/**
 * Predicted SoC of a vehicle at the slot boundary where `atMs` falls (the last boundary at or before it): a task
 * starting mid-slot leaves with what the vehicle had at that slot's start, as the plan charges no one on a task.
 * null when the plan has no row for the vehicle or the instant is outside the horizon.
 */
export function predictedSocPercent(plan: EffectivePlan, vehicleId: string, atMs: number): number | null {
  const boundaries = boundariesMs(plan.input);
  if (atMs < boundaries[0] || atMs > boundaries.at(-1)!) return null;
  let index = 0;
  while (index + 1 < boundaries.length && boundaries[index + 1] <= atMs) index++;
  const row = plan.result.soc.find((candidate) => 'vehicleId' in candidate && candidate.vehicleId === vehicleId);
  const percent = row?.percent[index];
  return percent === undefined ? null : round1(percent);
}

/** The plan's tasks for one vehicle, by start (each starts at its departure when the site has a lead). */
export function vehicleTasks(plan: EffectivePlan, vehicleId: string): TaskInput[] {
  const tasks = new Map((plan.input.tasks ?? []).map((task) => [task.id, task]));
  return plan.result.assignments
    .filter((assignment) => assignment.vehicleId === vehicleId)
    .map((assignment) => tasks.get(assignment.taskId))
    .filter((task) => task !== undefined)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

export function reservePercent(plan: EffectivePlan, vehicleId: string): number | null {
  const vehicle = plan.input.vehicles?.find((candidate) => candidate.id === vehicleId);
  return vehicle ? (vehicle.minSocPercent ?? 20) : null;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
