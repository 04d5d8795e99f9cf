import type { PlanInput } from '@apron/planner';

const MINUTE_MS = 60_000;

/** Slot boundaries of a plan in epoch ms: slots + 1 values, as the result's `soc` rows. */
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
