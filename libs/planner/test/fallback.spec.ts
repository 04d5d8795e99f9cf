import { checkInvariants, fallbackPlan, Planner } from '../src';
import { aBus, aCharger, aScenario, aSession, aTask, at } from './builders';
import { generateAirportDay } from '../../simulator/src/scenarios';

describe('fallback and business outcomes', () => {
  const planner = new Planner();
  afterAll(() => planner.dispose());

  it('plans urgent-first within the grid limit, deterministically, and passes the invariants', () => {
    const input = aScenario({
      site: { id: 's', kind: 'airport', gridLimitKw: 120 },
      chargers: [aCharger({ connectors: 3 })],
      vehicles: [aBus({ id: 'LOW', socPercent: 20 }), aBus({ id: 'MID', socPercent: 60 })],
      tasks: [aTask({ id: 'T', start: at('01:00'), end: at('02:00'), energyKwhPerVehicle: 30 })],
      sessions: [aSession({ id: 'S', departure: at('02:00') })],
    });
    const first = fallbackPlan(input, 'test');
    expect(first.status).toBe('fallback');
    expect(first.message).toContain('because test');
    expect(checkInvariants(input, first)).toEqual([]);
    expect(fallbackPlan(input, 'test')).toEqual(first);
    expect(first.sitePowerKw.every((kw) => kw <= 120 + 1e-6)).toBe(true);
  });

  it('keeps a pinned bus for its pinned task instead of sending it on an earlier overlapping one', () => {
    // HIGH has more spare energy, so the heuristic would send it on T1, but it is pinned to T2, which overlaps T1.
    const input = aScenario({
      vehicles: [aBus({ id: 'LOW', socPercent: 60 }), aBus({ id: 'HIGH', socPercent: 90 })],
      tasks: [
        aTask({ id: 'T1', start: at('01:00'), end: at('01:40'), energyKwhPerVehicle: 10 }),
        aTask({ id: 'T2', start: at('01:30'), end: at('02:00'), energyKwhPerVehicle: 10, pinnedVehicles: ['HIGH'] }),
      ],
    });
    const result = fallbackPlan(input, 'test');
    expect(result.assignments).toEqual(
      expect.arrayContaining([
        { taskId: 'T1', vehicleId: 'LOW' },
        { taskId: 'T2', vehicleId: 'HIGH' },
      ]),
    );
    expect(result.unserved).toEqual([]);
    expect(checkInvariants(input, result)).toEqual([]);
  });

  it('falls back with a reason when the model is infeasible (pinned task beyond any battery)', async () => {
    const input = aScenario({
      vehicles: [aBus({ id: 'B', batteryKwh: 50, socPercent: 50, maxChargeKw: 10 })],
      tasks: [aTask({ energyKwhPerVehicle: 500, pinnedVehicles: ['B'] })],
    });
    const result = await planner.plan(input);
    expect(result.status).toBe('fallback');
    expect(result.message).toMatch(/infeasible/);
    expect(result.assignments).toEqual([{ taskId: 'T1', vehicleId: 'B' }]);
    expect(result.shortfalls?.some((s) => s.vehicleId === 'B' && s.kind === 'belowMin')).toBe(true);
    expect(checkInvariants(input, result)).toEqual([]);
  });

  it('falls back with a reason when the time limit is too short, and the next plan solves', async () => {
    const input = generateAirportDay({
      seed: 7,
      vehicles: 60,
      connectors: 40,
      hours: 24,
      tasks: 600,
      nearSlotMinutes: 5,
    });
    const late = await planner.plan(input, { timeLimitSeconds: 0.001 });
    expect(late.status).toBe('fallback');
    expect(late.message).toMatch(/time/);
    expect(checkInvariants(input, late)).toEqual([]);
    const small = aScenario({ vehicles: [aBus()], tasks: [aTask()] });
    const next = await planner.plan(small);
    expect(next.status).toBe('optimal');
  });
});
