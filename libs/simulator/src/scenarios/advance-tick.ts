import type { PlanInput } from '@apron/planner';
import { isoPlusMinutes, round, SeededRandom } from './random';

/**
 * The next scheduling tick of an airport scenario: start moved by `minutes` (one slot), finished tasks dropped,
 * each vehicle's SoC nudged by up to ±1 point (measurement noise and use), same slot layout.
 */
export function advanceAirportTick(input: PlanInput, minutes: number, seed: number): PlanInput {
  const random = new SeededRandom(seed);
  const start = isoPlusMinutes(input.start, minutes);
  const startMs = Date.parse(start);
  return {
    ...input,
    start,
    vehicles: (input.vehicles ?? []).map((vehicle) => ({
      ...vehicle,
      socPercent: round(Math.min(100, Math.max(0, vehicle.socPercent + random.between(-1, 1))), 2),
    })),
    tasks: (input.tasks ?? []).filter((task) => Date.parse(task.end) > startMs),
  };
}
