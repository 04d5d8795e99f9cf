import { Planner } from '@apron/planner';
import { aCharger, aDay, aTask, aVehicle } from '../evaluation-fixtures';
import { simulateDay } from '../simulate-day';
import { highwaySiteDay, withGridLimit } from '../site-day';
import { ApronPolicy } from './apron-policy';
import { leastLaxityFirst } from './priority-policies';

const planner = new Planner();
afterAll(() => planner.dispose());

// Generous limits, so the plan does not depend on how busy the machine is. A tiny model, but the first solves run on
// unoptimised WASM: on a starved CI machine the near-window MIP hit its 0.5 s cap, the planner then kept that
// assignment for the next ticks (libs/planner/README.md, known limits) and a bus dipped to 15 % against the 20 % reserve.
const apron = () =>
  new ApronPolicy({
    planner,
    horizonMinutes: 180,
    replanEveryMinutes: 15,
    timeLimitSeconds: 15,
    planOptions: { mipTimeLimitSeconds: 10 },
  });

// Three 100 kWh buses at 35 % (reserve 20 %), two 50 kW chargers, seven 30-minute tasks of 12 kWh over three
// hours: feasible only if the buses charge between tasks.
const day = aDay({
  hours: 3,
  chargers: [aCharger('CP-1'), aCharger('CP-2')],
  vehicles: ['BUS-1', 'BUS-2', 'BUS-3'].map((id) => aVehicle(id, { socPercent: 35, turnaroundMinutes: 5 })),
  tasks: [0, 20, 40, 60, 90, 120, 140].map((start, k) => aTask(`T-${k + 1}`, start, 30, 12)),
  gridLimitKw: 100,
});

describe('ApronPolicy', () => {
  it('serves every task of a small feasible day on time, within the grid limit and above reserve', async () => {
    const { kpis } = await simulateDay(day, apron());
    expect(kpis.tasksOnTime).toBe(7);
    expect(kpis.minutesOverLimit).toBe(0);
    // The plan runs down to exactly the reserve; SoC goes to the planner rounded to 0.01 points.
    expect(kpis.lowestSocPercent).toBeGreaterThanOrEqual(20 - 0.05);
    expect(kpis.solveMsMax).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the reserve when the near-window MIP always times out (kept assignments are re-planned on a shortfall)', async () => {
    // A MIP cap no solve meets: the planner backs off the MIP and keeps each tick's assignment, which on this day took
    // a bus to 15.2 % until a shortfall made it re-assign jointly (libs/planner/README.md).
    const timedOut = new ApronPolicy({
      planner,
      horizonMinutes: 180,
      replanEveryMinutes: 15,
      timeLimitSeconds: 15,
      planOptions: { mipTimeLimitSeconds: 0.001 },
    });
    const { kpis } = await simulateDay(day, timedOut);
    expect(kpis.tasksOnTime).toBe(7);
    expect(kpis.lowestSocPercent).toBeGreaterThanOrEqual(20 - 0.05);
  }, 60_000);

  it('never serves fewer tasks when the grid limit grows (sweep)', async () => {
    const served: number[] = [];
    for (const limitKw of [10, 25, 50, 100]) {
      const { kpis } = await simulateDay(withGridLimit(day, limitKw), apron());
      served.push(kpis.tasksOnTime + kpis.tasksDelayed);
    }
    for (let i = 1; i < served.length; i++) expect(served[i]).toBeGreaterThanOrEqual(served[i - 1]);
    expect(served[served.length - 1]).toBe(7);
  }, 60_000);
});

describe('ApronPolicy with public EVs', () => {
  it('leaves no more public energy undelivered than least-laxity-first when the grid is tight', async () => {
    const highway = withGridLimit(highwaySiteDay({ seed: 9, connectors: 6, sessions: 16, hours: 2 }), 200);
    const llf = (await simulateDay(highway, leastLaxityFirst())).kpis;
    const apronKpis = (await simulateDay(highway, apron())).kpis;
    expect(apronKpis.minutesOverLimit).toBe(0);
    expect(apronKpis.publicUndeliveredKwh).toBeLessThanOrEqual(llf.publicUndeliveredKwh + 1e-6);
  }, 60_000);
});
