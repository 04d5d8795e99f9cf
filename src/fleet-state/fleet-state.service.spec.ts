import type { SocEstimate } from '@apron/soc';
import { Vehicle } from '../fleet/vehicle.entity';
import { VehiclesService } from '../fleet/vehicles.service';
import { TransferTask } from '../tasks/transfer-task.entity';
import { TasksService } from '../tasks/tasks.service';
import { FleetStateService } from './fleet-state.service';
import { FleetSessionsRepository } from './persistence/fleet-sessions.repository';
import { TaskAssignmentsRepository } from './persistence/task-assignments.repository';
import { VehicleSocStore } from './soc/vehicle-soc-store';
import { ConsumptionModel } from './tasks/consumption-model';

const minute = (m: number) => new Date(Date.parse('2026-11-23T06:00:00Z') + m * 60_000);
const bus = { id: 'v1', siteId: 's1', fleetNumber: 'BUS-01', type: 'apron-bus', batteryKwh: 200, turnaroundMinutes: 5 };

/** A task 06:00–06:30 taking 40 kWh (20 % of the battery), assigned to BUS-01. */
function serviceWith(estimate: Partial<SocEstimate>, status = 'planned') {
  const task = { id: 't1', siteId: 's1', startsAt: minute(0), endsAt: minute(30), status, energyKwhPerVehicle: 40 };
  const full: SocEstimate = {
    atMs: 0,
    socPercent: 60,
    uncertaintyPercent: 1,
    lastDirectReadingMs: minute(-10).getTime(),
    lastDirectReadingSource: 'charger',
    lastDirectReadingPercent: 60,
    stale: false,
    disagreement: false,
    lastDisagreement: null,
    onTask: false,
    ...estimate,
  };
  const vehicles = { listBySite: async () => [bus as unknown as Vehicle] } as unknown as VehiclesService;
  const tasks = { listInWindow: async () => [task as unknown as TransferTask] } as unknown as TasksService;
  const store = { estimate: async () => full } as unknown as VehicleSocStore;
  const sessions = { openForVehicles: async () => [] } as unknown as FleetSessionsRepository;
  const assignments = {
    forSite: async () => [{ taskId: 't1', vehicleId: 'v1' }],
  } as unknown as TaskAssignmentsRepository;
  const consumption = {
    predict: async () => ({ energyKwh: 40, sigmaKwh: 0, source: 'stated' }),
  } as unknown as ConsumptionModel;
  return new FleetStateService(vehicles, tasks, store, sessions, assignments, consumption);
}

describe('FleetStateService.vehicleStates: a vehicle on a task', () => {
  it.each([
    [15, 50],
    [30, 40],
    [33, 40],
  ])('at minute %d of the task it is seen at %d %% (the energy drawn so far taken off)', async (at, socPercent) => {
    const [state] = await serviceWith({}).vehicleStates('s1', minute(at));
    expect(state.socPercent).toBeCloseTo(socPercent, 6);
  });

  it('is busy until back from the task, turnaround included, also after the task has ended', async () => {
    expect((await serviceWith({}).vehicleStates('s1', minute(32)))[0].busyUntil).toEqual(minute(35));
    expect((await serviceWith({}).vehicleStates('s1', minute(36)))[0].busyUntil).toBeUndefined();
  });

  it('takes nothing off once a direct reading came after the task began', async () => {
    const [state] = await serviceWith({ lastDirectReadingMs: minute(34).getTime(), socPercent: 39 }).vehicleStates(
      's1',
      minute(36),
    );
    expect(state.socPercent).toBe(39);
  });

  it('takes nothing off for a task marked done (its energy is in the estimate)', async () => {
    const [state] = await serviceWith({ socPercent: 40 }, 'done').vehicleStates('s1', minute(40));
    expect(state.socPercent).toBe(40);
  });
});
