import { PriceStepInput, SlotGroupInput } from '../types/plan-input';
import { overlapMinutes, SlotGrid } from './problem';

const MS_PER_MINUTE = 60_000;

export function buildSlotGrid(startIso: string, groups: SlotGroupInput[]): SlotGrid {
  const startMs = Date.parse(startIso);
  const boundaryMinutes = [0];
  for (const group of groups) {
    for (let i = 0; i < group.count; i++)
      boundaryMinutes.push(boundaryMinutes[boundaryMinutes.length - 1] + group.minutes);
  }
  const count = boundaryMinutes.length - 1;
  const hours = Array.from({ length: count }, (_, t) => (boundaryMinutes[t + 1] - boundaryMinutes[t]) / 60);
  const startIso_ = boundaryMinutes.slice(0, count).map((minutes) => isoAt(startMs, minutes));
  return { startMs, boundaryMinutes, hours, startIso: startIso_, count };
}

export function minutesFrom(startMs: number, iso: string): number {
  return (Date.parse(iso) - startMs) / MS_PER_MINUTE;
}

export function isoAt(startMs: number, minutes: number): string {
  return new Date(startMs + minutes * MS_PER_MINUTE).toISOString().replace('.000Z', 'Z');
}

/** Time-weighted mean of the price step function over each slot. */
export function pricePerSlot(grid: SlotGrid, steps: PriceStepInput[]): number[] {
  const stepStarts = steps.map((step) => minutesFrom(grid.startMs, step.from));
  return grid.hours.map((_, t) => {
    const from = grid.boundaryMinutes[t];
    const to = grid.boundaryMinutes[t + 1];
    let weighted = 0;
    for (let i = 0; i < steps.length; i++) {
      const stepTo = i + 1 < steps.length ? stepStarts[i + 1] : Infinity;
      weighted += steps[i].price * overlapMinutes(from, to, stepStarts[i], stepTo);
    }
    return weighted / (to - from);
  });
}

/** Cheapest price of the step function from `startMs` on: the step holding then and every later step. */
export function cheapestPriceFrom(startMs: number, steps: PriceStepInput[]): number {
  let cheapest = Infinity;
  steps.forEach((step, i) => {
    const nextFromMs = i + 1 < steps.length ? Date.parse(steps[i + 1].from) : Infinity;
    if (nextFromMs > startMs) cheapest = Math.min(cheapest, step.price);
  });
  return Number.isFinite(cheapest) ? cheapest : 0;
}

/** Per slot, the fraction of the slot inside [fromMinutes, toMinutes). */
export function fractionInside(grid: SlotGrid, fromMinutes: number, toMinutes: number): number[] {
  return grid.hours.map((_, t) => {
    const from = grid.boundaryMinutes[t];
    const to = grid.boundaryMinutes[t + 1];
    return overlapMinutes(from, to, fromMinutes, toMinutes) / (to - from);
  });
}
