import { plan, PlanInput, PlanInputError, validatePlanInput, disposeSharedPlanner } from '../src';
import { aBus, aCharger, aScenario, aSession, aTask, at } from './builders';

const messages = (input: unknown) => validatePlanInput(input).map((issue) => issue.message);

describe('validatePlanInput', () => {
  afterAll(() => disposeSharedPlanner());

  it.each<[string, (input: PlanInput) => unknown, string]>([
    [
      'negative battery',
      (i) => ({ ...i, vehicles: [aBus(), aBus({ id: 'B2' }), aBus({ id: 'B3' }), aBus({ id: 'B4', batteryKwh: -5 })] }),
      'vehicles[3].batteryKwh must be > 0',
    ],
    ['missing grid limit', (i) => ({ ...i, site: { id: 's', kind: 'airport' } }), 'site.gridLimitKw is required'],
    [
      'negative connector capacity',
      (i) => ({ ...i, chargers: [aCharger({ maxKwPerConnector: -1 })] }),
      'chargers[0].maxKwPerConnector must be > 0',
    ],
    [
      'zero connectors',
      (i) => ({ ...i, chargers: [aCharger({ connectors: 0 })] }),
      'chargers[0].connectors must be >= 1',
    ],
    [
      'task end before start',
      (i) => ({ ...i, vehicles: [aBus()], tasks: [aTask({ start: at('02:00'), end: at('01:00') })] }),
      'tasks[0].end must be after start',
    ],
    [
      'unknown plugged charger',
      (i) => ({ ...i, vehicles: [aBus({ pluggedInto: 'CP-99' })] }),
      'vehicles[0].pluggedInto names unknown charger "CP-99"',
    ],
    [
      'unknown session charger',
      (i) => ({ ...i, sessions: [aSession({ chargerId: 'CP-42' })] }),
      'sessions[0].chargerId names unknown charger "CP-42"',
    ],
    ['missing start', (i) => ({ ...i, start: undefined }), 'start is required'],
    ['bad time', (i) => ({ ...i, start: 'yesterday' }), 'start must be an ISO-8601 time'],
    ['wrong version', (i) => ({ ...i, version: 2 }), 'version must be 1'],
    ['empty slots', (i) => ({ ...i, slots: [] }), 'slots must not be empty'],
    [
      'SoC above 100',
      (i) => ({ ...i, vehicles: [aBus({ socPercent: 120 })] }),
      'vehicles[0].socPercent must be <= 100',
    ],
    [
      'min above max',
      (i) => ({ ...i, vehicles: [aBus({ minSocPercent: 90, maxSocPercent: 80 })] }),
      'vehicles[0].minSocPercent must be <= maxSocPercent',
    ],
    [
      'pin of unknown vehicle',
      (i) => ({ ...i, vehicles: [aBus()], tasks: [aTask({ pinnedVehicles: ['GHOST'] })] }),
      'tasks[0].pinnedVehicles names unknown vehicle "GHOST"',
    ],
    ['duplicate vehicle', (i) => ({ ...i, vehicles: [aBus(), aBus()] }), 'vehicles[1].id duplicates vehicle "BUS-01"'],
    [
      'prices start after start',
      (i) => ({ ...i, pricePerKwh: [{ from: at('01:00'), price: 0.2 }] }),
      'pricePerKwh[0].from must be at or before start',
    ],
    [
      'base load above grid',
      (i) => ({ ...i, site: { id: 's', kind: 'airport', gridLimitKw: 10, baseLoadKw: 20 } }),
      'site.baseLoadKw must be <= gridLimitKw',
    ],
    [
      'overlapping pins',
      (i) => ({
        ...i,
        vehicles: [aBus()],
        tasks: [aTask({ id: 'A', pinnedVehicles: ['BUS-01'] }), aTask({ id: 'B', pinnedVehicles: ['BUS-01'] })],
      }),
      'tasks[1].pinnedVehicles pins "BUS-01" also pinned to overlapping task "A"',
    ],
  ])('names the field: %s', (_name, mutate, expected) => {
    expect(messages(mutate(aScenario()))).toContain(expected);
  });

  it('accepts a valid scenario', () => {
    expect(validatePlanInput(aScenario({ vehicles: [aBus()], tasks: [aTask()], sessions: [aSession()] }))).toEqual([]);
  });

  it.each([null, 'text', 42, [], {}])('never crashes on garbage: %p', (garbage) => {
    expect(validatePlanInput(garbage).length).toBeGreaterThan(0);
  });

  it('plan rejects invalid input with PlanInputError listing the issues', async () => {
    const bad = { ...aScenario(), vehicles: [aBus({ batteryKwh: 0 })] };
    await expect(plan(bad)).rejects.toThrow(PlanInputError);
    await expect(plan(bad)).rejects.toThrow('vehicles[0].batteryKwh must be > 0');
    await expect(plan(null as unknown as PlanInput)).rejects.toThrow(PlanInputError);
  });
});
