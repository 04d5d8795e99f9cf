import { aPlan, at } from './plan-fixtures.spec-helper';
import { vehiclePlanStatus } from './vehicle-status';

const bus = (fleetNumber: string, inService = true) => ({ fleetNumber, inService });
const UTC = { timeZone: 'UTC' };
const T1_AT_0705 = new Map([['T1', new Date('2026-11-22T07:05:00Z')]]);

describe('vehiclePlanStatus', () => {
  it('reads charging, plugged and idle from the current slot of the plan', () => {
    const plan = aPlan();
    expect(vehiclePlanStatus(bus('BUS-02'), plan, at('2026-11-22T06:05:00Z'), UTC, T1_AT_0705)).toMatchObject({
      status: 'charging',
      chargingAt: 'CP-01',
      pluggedInto: 'CP-01',
      nextCharge: null,
    });
    expect(vehiclePlanStatus(bus('BUS-02'), plan, at('2026-11-22T06:20:00Z'), UTC, T1_AT_0705).status).toBe('plugged');
    expect(vehiclePlanStatus(bus('BUS-01'), plan, at('2026-11-22T06:05:00Z'), UTC, T1_AT_0705)).toMatchObject({
      status: 'idle',
      predictedSocPercentNow: 50,
      nextAssignment: {
        taskId: 'T1',
        departAt: '2026-11-22T07:05:00.000Z',
        start: '2026-11-22T07:05:00.000Z',
        end: '2026-11-22T07:35:00Z',
      },
      nextCharge: { chargerId: 'CP-01', text: 'BUS-01 to CP-01 by 06:30' },
    });
  });

  it("shows when a vehicle leaves for its next task, the plan's task start, and the task's own stored start", () => {
    // A plan built with a 10-minute lead starts T1 (07:15-07:35) at 07:05; the site's lead may have changed since.
    const starts = new Map([['T1', new Date('2026-11-22T07:15:00Z')]]);
    expect(vehiclePlanStatus(bus('BUS-01'), aPlan(), at('2026-11-22T06:05:00Z'), UTC, starts).nextAssignment).toEqual({
      taskId: 'T1',
      departAt: '2026-11-22T07:05:00.000Z',
      start: '2026-11-22T07:15:00.000Z',
      end: '2026-11-22T07:35:00Z',
    });
    expect(vehiclePlanStatus(bus('BUS-01'), aPlan(), at('2026-11-22T07:06:00Z'), UTC, starts)).toMatchObject({
      status: 'on-task',
      onTask: 'T1',
    });
  });

  it('gives the departure as the start of a planned task no longer stored', () => {
    expect(
      vehiclePlanStatus(bus('BUS-01'), aPlan(), at('2026-11-22T06:05:00Z'), UTC, new Map()).nextAssignment,
    ).toEqual({
      taskId: 'T1',
      departAt: '2026-11-22T07:05:00.000Z',
      start: '2026-11-22T07:05:00.000Z',
      end: '2026-11-22T07:35:00Z',
    });
  });

  it('puts a vehicle on its task while the task runs', () => {
    expect(vehiclePlanStatus(bus('BUS-01'), aPlan(), at('2026-11-22T07:10:00Z'), UTC, T1_AT_0705)).toMatchObject({
      status: 'on-task',
      onTask: 'T1',
      nextAssignment: null,
    });
  });

  it('keeps a vehicle on the task it left for once the task is out of the plan (all its vehicles left)', () => {
    const away = { ...bus('BUS-02'), awayOnTask: 'T9' };
    expect(vehiclePlanStatus(away, aPlan(), at('2026-11-22T06:20:00Z'), UTC, T1_AT_0705)).toMatchObject({
      status: 'on-task',
      onTask: 'T9',
    });
    expect(vehiclePlanStatus(bus('BUS-02'), aPlan(), at('2026-11-22T06:20:00Z'), UTC, T1_AT_0705).status).toBe(
      'plugged',
    );
  });

  it('gives an out-of-service vehicle no next assignment or charge, and one outside the plan no plan facts', () => {
    expect(vehiclePlanStatus(bus('BUS-01', false), aPlan(), at('2026-11-22T06:05:00Z'), UTC, T1_AT_0705)).toMatchObject(
      {
        status: 'out-of-service',
        nextAssignment: null,
        nextCharge: null,
      },
    );
    expect(vehiclePlanStatus(bus('BUS-09'), aPlan(), at('2026-11-22T06:05:00Z'), UTC, T1_AT_0705).status).toBe(
      'not-in-plan',
    );
    expect(vehiclePlanStatus(bus('BUS-09', false), null, 0, UTC, T1_AT_0705).status).toBe('out-of-service');
  });
});
