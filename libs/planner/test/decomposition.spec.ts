import { checkInvariants, Planner } from '../src';
import { advanceAirportTick, generateAirportDay } from '../../simulator/src/scenarios';
import { aBus, aCharger, aScenario, aTask, at, prices } from './builders';

describe('assignment and connector repair', () => {
  const planner = new Planner({ timeLimitSeconds: 30 });
  afterAll(() => planner.dispose());

  it('two-stage and joint plans of one airport day both pass the invariants and serve alike', async () => {
    const input = generateAirportDay({ seed: 5, vehicles: 8, connectors: 4, hours: 5, tasks: 30 });
    const joint = await planner.plan(input, { decomposition: 'joint' });
    const twoStage = await planner.plan(input, { decomposition: 'two-stage' });
    expect(checkInvariants(input, joint)).toEqual([]);
    expect(checkInvariants(input, twoStage)).toEqual([]);
    expect(joint.status).not.toBe('fallback');
    expect(twoStage.status).not.toBe('fallback');
    expect(twoStage.message).toContain('two-stage');
    const missing = (r: typeof joint) => r.unserved.reduce((sum, u) => sum + u.missingVehicles, 0);
    expect(Math.abs(missing(twoStage) - missing(joint))).toBeLessThanOrEqual(1);
  });

  it('keeps the previous assignments on the next tick of the same site (two-stage), new tasks included', async () => {
    const day = generateAirportDay({ seed: 9, vehicles: 8, connectors: 4, hours: 5, tasks: 30 });
    const first = await planner.plan(day, { decomposition: 'two-stage' });
    const next = advanceAirportTick(day, 5, 1);
    const added = {
      ...next,
      tasks: [...(next.tasks ?? []), aTask({ id: 'NEW', start: at('10:40'), end: at('10:50') })],
    };
    const second = await planner.plan(added, { decomposition: 'two-stage' });
    expect(second.message).toContain('previous assignments kept');
    expect(checkInvariants(added, second)).toEqual([]);
    const before = new Set(first.assignments.map((a) => `${a.taskId}>${a.vehicleId}`));
    const kept = second.assignments.filter((a) => before.has(`${a.taskId}>${a.vehicleId}`)).length;
    expect(kept).toBeGreaterThanOrEqual(first.assignments.length - 2);
    expect(second.assignments.some((a) => a.taskId === 'NEW')).toBe(true);
  });

  it('releases a kept assignment the vehicle no longer has the energy for (stage 2 rebuilt with busy slots)', async () => {
    const day = (socPercent: number) =>
      aScenario({
        site: { id: 'release-site', kind: 'airport', gridLimitKw: 1000 },
        vehicles: [aBus({ socPercent })],
        tasks: [aTask({ start: at('00:00'), end: at('01:00'), energyKwhPerVehicle: 50 })],
      });
    const first = await planner.plan(day(60), { decomposition: 'two-stage' });
    expect(first.assignments).toEqual([{ taskId: 'T1', vehicleId: 'BUS-01' }]);
    // Kept on the next tick, the assignment would drive the battery below 0 kWh: infeasible without releasing it.
    const drained = day(5);
    const second = await planner.plan(drained, { decomposition: 'two-stage' });
    expect(second.message).toContain('previous assignments kept');
    expect(second.status).not.toBe('fallback');
    expect(checkInvariants(drained, second)).toEqual([]);
    expect(second.unserved).toEqual([{ taskId: 'T1', missingVehicles: 1 }]);
  });

  it('warms up on a synthetic day without leaving state behind', async () => {
    const fresh = new Planner();
    try {
      await fresh.warmUp();
      expect(fresh.lastStats).toBeUndefined();
      const input = aScenario({ vehicles: [aBus()], tasks: [aTask()] });
      const result = await fresh.plan(input);
      expect(result.status).toBe('optimal');
      expect(checkInvariants(input, result)).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });

  it('places charging on real connectors when more vehicles want to charge than there are connectors', async () => {
    // Three buses each need 40 kWh before 02:00; one charger, two 50 kW connectors, 80 kW for the charger.
    const input = aScenario({
      slots: [{ minutes: 30, count: 6 }],
      chargers: [aCharger({ connectors: 2, maxKwPerConnector: 50, maxKw: 80 })],
      vehicles: ['B1', 'B2', 'B3'].map((id) => aBus({ id, socPercent: 20 })),
      tasks: ['B1', 'B2', 'B3'].map((id, i) =>
        aTask({ id: `T${i}`, start: at('02:00'), end: at('03:00'), energyKwhPerVehicle: 40, pinnedVehicles: [id] }),
      ),
    });
    for (const solver of ['highs', 'jslp'] as const) {
      const result = await planner.plan(input, { solver });
      expect(checkInvariants(input, result)).toEqual([]);
      expect(result.status).not.toBe('fallback');
      for (let t = 0; t < 6; t++) {
        const charging = result.charging.filter((row) => row.kw[t] > 0.01).length;
        expect(charging).toBeLessThanOrEqual(2);
      }
      expect(result.shortfalls).toBeUndefined();
    }
  });

  it('stage 1 gives a day task to the vehicle that covers it without buying day energy', async () => {
    // BUS-01 holds more energy once the heuristic tops both up at the day price, but only 40 kWh above its reserve
    // without buying; BUS-02 holds 100 kWh above reserve. Night price from 04:00.
    const input = aScenario({
      slots: [{ minutes: 60, count: 6 }],
      pricePerKwh: prices([0.3, 0.3, 0.3, 0.3, 0.1, 0.1]),
      vehicles: [
        aBus({ id: 'BUS-01', batteryKwh: 400, socPercent: 30, minSocPercent: 20 }),
        aBus({ id: 'BUS-02', batteryKwh: 200, socPercent: 70, minSocPercent: 20 }),
      ],
      tasks: [aTask({ id: 'DAY', start: at('02:00'), end: at('02:30'), energyKwhPerVehicle: 60 })],
    });
    const result = await planner.plan(input, { decomposition: 'two-stage' });
    expect(checkInvariants(input, result)).toEqual([]);
    expect(result.assignments).toEqual([{ taskId: 'DAY', vehicleId: 'BUS-02' }]);
    const dayKwh = result.sitePowerKw.slice(0, 4).reduce((sum, kw) => sum + kw, 0);
    expect(dayKwh).toBeLessThan(1e-6);
  });

  it('skips the near-window MIP on the next ticks of a site where it timed out and keeps its assignment', async () => {
    const local = new Planner({ decomposition: 'joint', mipTimeLimitSeconds: 0.001 });
    try {
      const day = generateAirportDay({
        seed: 11,
        vehicles: 20,
        connectors: 10,
        hours: 12,
        tasks: 150,
        tractorShare: 0.4,
      });
      const first = await local.plan(day);
      expect(first.message).toContain('near-window MIP timed out');
      expect(local.lastStats?.integers).toBeGreaterThan(0);
      const next = advanceAirportTick(day, 5, 1);
      const second = await local.plan(next);
      expect(second.message).toContain('near-window MIP timed out');
      expect(second.message).toContain('previous assignments kept');
      expect(local.lastStats?.integers).toBe(0);
      expect(checkInvariants(next, second)).toEqual([]);
    } finally {
      await local.dispose();
    }
  });
});
