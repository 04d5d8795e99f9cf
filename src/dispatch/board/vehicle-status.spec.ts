import { aPlan, at } from './plan-fixtures.spec-helper';
import { vehiclePlanStatus } from './vehicle-status';

const bus = (fleetNumber: string, inService = true) => ({ fleetNumber, inService });
const UTC = { timeZone: 'UTC', departureLeadMinutes: 0 };

describe('vehiclePlanStatus', () => {
  it('reads charging, plugged and idle from the current slot of the plan', () => {
    const plan = aPlan();
    expect(vehiclePlanStatus(bus('BUS-02'), plan, at('2026-11-22T06:05:00Z'), UTC)).toMatchObject({
      status: 'charging',
      chargingAt: 'CP-01',
      pluggedInto: 'CP-01',
      nextCharge: null,
    });
    expect(vehiclePlanStatus(bus('BUS-02'), plan, at('2026-11-22T06:20:00Z'), UTC).status).toBe('plugged');
    expect(vehiclePlanStatus(bus('BUS-01'), plan, at('2026-11-22T06:05:00Z'), UTC)).toMatchObject({
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

  it("shows when a vehicle leaves for its next task: the plan's task start, the site's lead before the task", () => {
    // Plans built with a 10-minute lead start T1 (07:15-07:35) at 07:05.
    const site = { timeZone: 'UTC', departureLeadMinutes: 10 };
    expect(vehiclePlanStatus(bus('BUS-01'), aPlan(), at('2026-11-22T06:05:00Z'), site).nextAssignment).toEqual({
      taskId: 'T1',
      departAt: '2026-11-22T07:05:00.000Z',
      start: '2026-11-22T07:15:00.000Z',
      end: '2026-11-22T07:35:00Z',
    });
    expect(vehiclePlanStatus(bus('BUS-01'), aPlan(), at('2026-11-22T07:06:00Z'), site)).toMatchObject({
      status: 'on-task',
      onTask: 'T1',
    });
  });

  it('puts a vehicle on its task while the task runs', () => {
    expect(vehiclePlanStatus(bus('BUS-01'), aPlan(), at('2026-11-22T07:10:00Z'), UTC)).toMatchObject({
      status: 'on-task',
      onTask: 'T1',
      nextAssignment: null,
    });
  });

  it('gives an out-of-service vehicle no next assignment or charge, and one outside the plan no plan facts', () => {
    expect(vehiclePlanStatus(bus('BUS-01', false), aPlan(), at('2026-11-22T06:05:00Z'), UTC)).toMatchObject({
      status: 'out-of-service',
      nextAssignment: null,
      nextCharge: null,
    });
    expect(vehiclePlanStatus(bus('BUS-09'), aPlan(), at('2026-11-22T06:05:00Z'), UTC).status).toBe('not-in-plan');
    expect(vehiclePlanStatus(bus('BUS-09', false), null, 0, UTC).status).toBe('out-of-service');
  });
});
