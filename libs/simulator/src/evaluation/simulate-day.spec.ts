import { Planner } from '@apron/planner';
import type { Policy, RunResult, SiteDay } from './evaluation-types';
import { ApronPolicy } from './policies/apron-policy';
import {
  earliestDeadlineFirst,
  firstComeFirstServed,
  leastLaxityFirst,
  UncontrolledPolicy,
} from './policies/priority-policies';
import { simulateDay } from './simulate-day';
import { airportSiteDay, highwaySiteDay, withGridLimit } from './site-day';

const planner = new Planner();
afterAll(() => planner.dispose());

const policies = (): Policy[] => [
  new UncontrolledPolicy(),
  firstComeFirstServed(),
  earliestDeadlineFirst(),
  leastLaxityFirst(),
  new ApronPolicy({ planner, horizonMinutes: 120, replanEveryMinutes: 30, timeLimitSeconds: 2 }),
];

const airport = airportSiteDay({ seed: 3, vehicles: 6, connectors: 4, hours: 3, tasks: 16 });
const highway = highwaySiteDay({ seed: 5, connectors: 6, sessions: 14, hours: 2 });

/** A tight limit: 40 % of what uncontrolled charging draws at its peak. */
async function tight(day: SiteDay): Promise<SiteDay> {
  const { kpis } = await simulateDay(day, new UncontrolledPolicy());
  return withGridLimit(day, Math.round(0.4 * kpis.peakKw));
}

function expectPhysics(day: SiteDay, result: RunResult): void {
  const chargers = new Map(day.base.chargers.map((charger) => [charger.id, charger]));
  const perChargerKw = new Map<string, number>();
  for (const charge of result.charges) {
    expect(charge.kw).toBeGreaterThanOrEqual(0);
    expect(charge.kw).toBeLessThanOrEqual(charge.limitKw + 1e-9);
    const key = `${charge.chargerId}@${charge.minutes}`;
    perChargerKw.set(key, (perChargerKw.get(key) ?? 0) + charge.kw);
  }
  for (const [key, kw] of perChargerKw) {
    const charger = chargers.get(key.split('@')[0])!;
    expect(kw).toBeLessThanOrEqual((charger.maxKw ?? (charger.connectors ?? 1) * charger.maxKwPerConnector) + 1e-9);
  }
  for (const row of result.ledger) {
    expect(row.endKwh).toBeCloseTo(row.startKwh + row.chargedKwh - row.drivenKwh, 6);
  }
  const vehicles = new Map((day.base.vehicles ?? []).map((vehicle) => [vehicle.id, vehicle]));
  for (const task of result.tasks.filter((t) => t.departedAtMinutes !== undefined)) {
    for (const id of task.vehicleIds) {
      const backMinutes = task.departedAtMinutes! + task.durationMinutes + (vehicles.get(id)!.turnaroundMinutes ?? 0);
      const whileAway = result.charges.filter(
        (c) => c.id === id && c.minutes >= task.departedAtMinutes! && c.minutes < backMinutes && c.kw > 0,
      );
      expect(whileAway).toEqual([]);
    }
  }
  const charging = result.charges.reduce((total, c) => total + c.kw, 0);
  expect(result.steps.reduce((total, s) => total + s.chargingKw, 0)).toBeCloseTo(charging, 6);
}

describe('simulateDay physics', () => {
  for (const [name, day] of [
    ['airport', airport],
    ['highway', highway],
  ] as const) {
    it(`holds limits, energy balance and "away means not charging" for every policy (${name})`, async () => {
      const limited = await tight(day);
      for (const policy of policies()) {
        const result = await simulateDay(limited, policy, { trace: true });
        expectPhysics(limited, result);
      }
    }, 20_000);

    it(`uncontrolled exceeds a tight grid limit while the other policies never do (${name})`, async () => {
      const limited = await tight(day);
      const minutesOver = new Map<string, number>();
      for (const policy of policies()) {
        minutesOver.set(policy.name, (await simulateDay(limited, policy)).kpis.minutesOverLimit);
      }
      expect(minutesOver.get('uncontrolled')).toBeGreaterThan(0);
      for (const name of ['fcfs', 'edf', 'llf', 'apron']) expect(minutesOver.get(name)).toBe(0);
    }, 20_000);
  }
});
