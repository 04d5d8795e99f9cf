import type { PlanInput } from '@apron/planner';
import { generateAirportDay } from './airport-day.scenario';
import { generateHighwayDay, HighwayDay, highwayTick } from './highway-day.scenario';
import { advanceAirportTick } from './advance-tick';

/** A benchmark scenario: the cold input and a way to produce the input of warm tick `n` (1, 2, ...). */
export interface BenchScenario {
  name: string;
  input: PlanInput;
  tick(n: number): PlanInput;
}

const airport = (name: string, input: PlanInput): BenchScenario => {
  const minutes = input.slots[0].minutes;
  return {
    name,
    input,
    tick: (n) => {
      let next = input;
      for (let i = 1; i <= n; i++) next = advanceAirportTick(next, minutes, 1000 + i);
      return next;
    },
  };
};

const highway = (name: string, day: HighwayDay): BenchScenario => ({
  name,
  input: highwayTick(day, 0),
  tick: (n) => highwayTick(day, 5 * n),
});

/** The planner bench scenarios of issue 4, generated from fixed seeds. */
export function benchScenarios(): BenchScenario[] {
  return [
    airport(
      'small',
      generateAirportDay({
        seed: 11,
        vehicles: 20,
        connectors: 10,
        chargers: 10,
        hours: 12,
        tasks: 150,
        tractorShare: 0.4,
        nearSlotMinutes: 5,
      }),
    ),
    airport(
      'medium',
      generateAirportDay({ seed: 22, vehicles: 60, connectors: 40, hours: 24, tasks: 600, nearSlotMinutes: 5 }),
    ),
    airport(
      'large',
      generateAirportDay({
        seed: 33,
        vehicles: 250,
        connectors: 120,
        hours: 24,
        tasks: 2500,
        tractorShare: 0.4,
        nearSlotMinutes: 5,
      }),
    ),
    highway('highway', generateHighwayDay({ seed: 44, connectors: 40, sessions: 80, gridLimitKw: 1200 })),
  ];
}
