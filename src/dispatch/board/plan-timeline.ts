import type { PlanInput, PlanResult } from '@apron/planner';

/** The plan a site runs on now: a fresh or fallback result with its own input, or the last good plan kept. */
export interface EffectivePlan {
  input: PlanInput;
  result: PlanResult;
}

const MINUTE_MS = 60_000;

/** Slot boundaries of the plan in epoch ms: slots + 1 values, as the result's `soc` rows. */
export function boundariesMs(input: PlanInput): number[] {
  const boundaries = [Date.parse(input.start)];
  for (const group of input.slots) {
    for (let i = 0; i < group.count; i++) boundaries.push(boundaries.at(-1)! + group.minutes * MINUTE_MS);
  }
  return boundaries;
}

/** Index of the slot holding `atMs`; -1 before the plan, the slot count after it. */
export function slotIndexAt(boundaries: number[], atMs: number): number {
  if (atMs < boundaries[0]) return -1;
  for (let i = 0; i < boundaries.length - 1; i++) if (atMs < boundaries[i + 1]) return i;
  return boundaries.length - 1;
}

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

export function reservePercent(plan: EffectivePlan, vehicleId: string): number | null {
  const vehicle = plan.input.vehicles?.find((candidate) => candidate.id === vehicleId);
  return vehicle ? (vehicle.minSocPercent ?? 20) : null;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
