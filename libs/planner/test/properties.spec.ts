import fc from 'fast-check';
import { checkInvariants, PlanInput, PlanOptions, Planner } from '../src';
import { aBus, aCharger, aScenario, aSession, aTask, at } from './builders';

/**
 * Small generated scenarios: one charger with a connector per vehicle and session, so connector placement never cuts
 * power, and every task in the integer window with a zero MIP gap, so the solver's answer is the true optimum and the
 * monotonicity properties hold exactly (up to solver tolerance).
 */
const EXACT: PlanOptions = { integerWindowMinutes: 100_000, mipGap: 0, timeLimitSeconds: 20 };

const minutesAfter = (minutes: number) => new Date(Date.parse(at('00:00')) + minutes * 60_000).toISOString();

const scenarioArbitrary = fc
  .record({
    slotMinutes: fc.constantFrom(30, 60),
    slotCount: fc.integer({ min: 3, max: 6 }),
    gridLimitKw: fc.integer({ min: 20, max: 300 }),
    baseLoadKw: fc.integer({ min: 0, max: 15 }),
    pricesCents: fc.array(fc.integer({ min: 5, max: 40 }), { minLength: 6, maxLength: 6 }),
    connectorKw: fc.integer({ min: 30, max: 150 }),
    vehicles: fc.array(
      fc.record({
        socPercent: fc.integer({ min: 5, max: 100 }),
        minSocPercent: fc.integer({ min: 0, max: 40 }),
        batteryKwh: fc.integer({ min: 50, max: 300 }),
        maxChargeKw: fc.integer({ min: 20, max: 150 }),
        efficiencyPercent: fc.integer({ min: 85, max: 100 }),
        turnaroundMinutes: fc.constantFrom(0, 5, 15),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    tasks: fc.array(
      fc.record({
        startMinutes: fc.integer({ min: 0, max: 300 }),
        durationMinutes: fc.integer({ min: 10, max: 90 }),
        needed: fc.integer({ min: 1, max: 2 }),
        energyKwh: fc.integer({ min: 0, max: 80 }),
      }),
      { maxLength: 4 },
    ),
    sessions: fc.array(
      fc.record({
        socPercent: fc.integer({ min: 5, max: 90 }),
        targetSocPercent: fc.integer({ min: 50, max: 100 }),
        departureMinutes: fc.integer({ min: 20, max: 400 }),
        maxChargeKw: fc.integer({ min: 10, max: 150 }),
      }),
      { maxLength: 2 },
    ),
  })
  .map((g): PlanInput => {
    const horizonMinutes = g.slotMinutes * g.slotCount;
    return aScenario({
      site: {
        id: 'prop',
        kind: 'airport',
        gridLimitKw: g.gridLimitKw,
        baseLoadKw: Math.min(g.baseLoadKw, g.gridLimitKw),
      },
      slots: [{ minutes: g.slotMinutes, count: g.slotCount }],
      pricePerKwh: g.pricesCents.map((cents, hour) => ({ from: minutesAfter(hour * 60), price: cents / 100 })),
      chargers: [aCharger({ connectors: g.vehicles.length + g.sessions.length, maxKwPerConnector: g.connectorKw })],
      vehicles: g.vehicles.map((v, i) =>
        aBus({
          id: `B${i}`,
          socPercent: v.socPercent,
          minSocPercent: v.minSocPercent,
          batteryKwh: v.batteryKwh,
          maxChargeKw: v.maxChargeKw,
          chargeEfficiency: v.efficiencyPercent / 100,
          turnaroundMinutes: v.turnaroundMinutes,
        }),
      ),
      tasks: g.tasks.map((t, i) => {
        const start = Math.min(t.startMinutes, horizonMinutes - 10);
        return aTask({
          id: `T${i}`,
          start: minutesAfter(start),
          end: minutesAfter(start + t.durationMinutes),
          vehiclesNeeded: t.needed,
          energyKwhPerVehicle: t.energyKwh,
        });
      }),
      sessions: g.sessions.map((s, i) =>
        aSession({
          id: `S${i}`,
          socPercent: s.socPercent,
          targetSocPercent: s.targetSocPercent,
          departure: minutesAfter(s.departureMinutes),
          maxChargeKw: s.maxChargeKw,
        }),
      ),
    });
  });

const notWorse = (better: number, worse: number) => better <= worse + 1e-6 * Math.max(1, Math.abs(worse));

describe('planner properties (fast-check, small scenarios)', () => {
  const planner = new Planner(EXACT);
  afterAll(() => planner.dispose());

  it('every result passes the invariant checker, on both solvers', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (input) => {
        for (const solver of ['highs', 'jslp'] as const) {
          const result = await planner.plan(input, { solver });
          expect(checkInvariants(input, result)).toEqual([]);
        }
      }),
      { numRuns: 30, seed: 40 },
    );
  });

  it('raising the grid limit never makes the objective worse', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (input) => {
        const tight = await planner.plan(input);
        const loose = await planner.plan({
          ...input,
          site: { ...input.site, gridLimitKw: input.site.gridLimitKw * 2 },
        });
        expect(tight.status).not.toBe('fallback');
        expect(loose.status).not.toBe('fallback');
        expect(notWorse(loose.objective, tight.objective)).toBe(true);
      }),
      { numRuns: 30, seed: 50 },
    );
  });

  it('removing a task never makes the objective worse', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, fc.nat(), async (input, pick) => {
        const tasks = input.tasks ?? [];
        fc.pre(tasks.length > 0);
        const full = await planner.plan(input);
        const fewer = await planner.plan({ ...input, tasks: tasks.filter((_, i) => i !== pick % tasks.length) });
        expect(full.status).not.toBe('fallback');
        expect(fewer.status).not.toBe('fallback');
        expect(notWorse(fewer.objective, full.objective)).toBe(true);
      }),
      { numRuns: 30, seed: 60 },
    );
  });
});
