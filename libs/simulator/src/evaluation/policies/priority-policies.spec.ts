import { aCharger, aDay, anArrival, aTask, aVehicle } from '../evaluation-fixtures';
import { simulateDay } from '../simulate-day';
import { firstComeFirstServed, leastLaxityFirst, UncontrolledPolicy } from './priority-policies';

describe('baseline policies', () => {
  // 50 kW for two EVs: the first to plug in stays two hours, the second needs its energy within 30 minutes.
  const contrived = aDay({
    gridLimitKw: 50,
    hours: 2,
    chargers: [aCharger('HPC-1', 2, 50)],
    arrivals: [anArrival('tx-long', 0, 120), anArrival('tx-short', 5, 35, { targetSocPercent: 50 })],
  });

  it('least-laxity-first leaves no more public energy undelivered than first-come-first-served', async () => {
    const fcfs = (await simulateDay(contrived, firstComeFirstServed())).kpis;
    const llf = (await simulateDay(contrived, leastLaxityFirst())).kpis;
    expect(llf.publicUndeliveredKwh).toBeLessThanOrEqual(fcfs.publicUndeliveredKwh);
    expect(fcfs.publicUndeliveredKwh - llf.publicUndeliveredKwh).toBeGreaterThan(5);
  });

  it('sends the idle vehicle with the most energy to a task at its start', async () => {
    const day = aDay({
      chargers: [aCharger('CP-1', 2)],
      vehicles: [aVehicle('BUS-1', { socPercent: 40 }), aVehicle('BUS-2', { socPercent: 70 })],
      tasks: [aTask('T-1', 10, 20, 10)],
    });
    const { tasks } = await simulateDay(day, new UncontrolledPolicy());
    expect(tasks[0]).toMatchObject({ status: 'onTime', vehicleIds: ['BUS-2'], departedAtMinutes: 10 });
  });

  it('delays a task while no vehicle is free and gives up after the maximum delay', async () => {
    const day = aDay({
      vehicles: [aVehicle('BUS-1')],
      tasks: [aTask('T-1', 0, 20, 5), aTask('T-2', 5, 10, 5), aTask('T-3', 5, 60, 5)],
    });
    const { tasks } = await simulateDay(day, new UncontrolledPolicy(), { maxDelayMinutes: 20 });
    expect(tasks.map((task) => [task.spec.id, task.status, task.departedAtMinutes])).toEqual([
      ['T-1', 'onTime', 0],
      ['T-2', 'delayed', 20],
      ['T-3', 'unserved', undefined],
    ]);
  });
});
