import type { SocEstimate } from '@apron/soc';
import { Vehicle } from '../fleet/vehicle.entity';
import { VehiclesService } from '../fleet/vehicles.service';
import { TransferTask } from '../tasks/transfer-task.entity';
import { TaskAssignmentRow } from '../tasks/task-assignment.entity';
import { TaskAssignmentsService } from '../tasks/task-assignments.service';
import { TasksService } from '../tasks/tasks.service';
import { OcppReadService } from '../ocpp/read/ocpp-read.service';
import { FleetRecords, SocTrackingService } from './soc-tracking.service';
import { VehicleSocStore } from './soc/vehicle-soc-store';
import { ConsumptionModel } from './tasks/consumption-model';

const minute = (m: number) => new Date(Date.parse('2026-11-23T06:00:00Z') + m * 60_000);
const bus = {
  id: 'v1',
  siteId: 's1',
  fleetNumber: 'BUS-01',
  type: 'apron-bus',
  batteryKwh: 200,
  turnaroundMinutes: 5,
  idleDrainKwhPerHour: 0,
};

/** A task 06:00–06:30 taking 40 kWh (20 % of the battery), assigned to BUS-01; with `next`, another at 08:00. */
function serviceWith(
  estimate: Partial<SocEstimate>,
  status = 'planned',
  options = { idleDrainKwhPerHour: 0, next: false },
) {
  const task = {
    id: 't1',
    flightRef: 'CZ3101',
    siteId: 's1',
    startsAt: minute(0),
    endsAt: minute(30),
    status,
    energyKwhPerVehicle: 40,
  };
  const next = { ...task, id: 't2', startsAt: minute(120), endsAt: minute(150), status: 'planned' };
  const allTasks = options.next ? [task, next] : [task];
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
  const vehicle = { ...bus, idleDrainKwhPerHour: options.idleDrainKwhPerHour } as unknown as Vehicle;
  const records: FleetRecords = {
    vehicles: [vehicle],
    tasks: allTasks as unknown as TransferTask[],
    assignments: allTasks.map((t) => ({ taskId: t.id, vehicleId: 'v1' }) as TaskAssignmentRow),
    sessions: [],
  };
  const vehicles = { listBySite: async () => records.vehicles } as unknown as VehiclesService;
  const tasks = { listInWindow: async () => records.tasks } as unknown as TasksService;
  const assignments = { forSite: async () => records.assignments } as unknown as TaskAssignmentsService;
  const ocpp = { activeSessions: async () => [] } as unknown as OcppReadService;
  const store = { estimates: async () => new Map([['v1', full]]) } as unknown as VehicleSocStore;
  const consumption = {
    predict: async () => ({ energyKwh: 40, sigmaKwh: 0, source: 'stated' }),
    drift: async () => [],
  } as unknown as ConsumptionModel;
  const service = new SocTrackingService(vehicles, tasks, assignments, ocpp, store, consumption);
  return {
    situations: (now: Date) => service.situations('s1', now),
    /** The one vehicle's state for the tick, from records read once. */
    state: async (now: Date, leadMinutes?: number) =>
      (await service.vehicleStates(records, now, leadMinutes)).vehicles.get('BUS-01')!,
  };
}

describe('SocTrackingService.vehicleStates: a vehicle on a task', () => {
  it.each([
    [15, 50],
    [30, 40],
    [33, 40],
  ])('at minute %d of the task it is seen at %d %% (the energy drawn so far taken off)', async (at, socPercent) => {
    const state = await serviceWith({}).state(minute(at));
    expect(state.socPercent).toBeCloseTo(socPercent, 6);
  });

  it('is busy until back from the task, turnaround included, also after the task has ended', async () => {
    expect(await serviceWith({}).state(minute(32))).toMatchObject({ busyUntil: minute(35), awayOnTask: 'CZ3101' });
    expect(await serviceWith({}).state(minute(36))).not.toHaveProperty('awayOnTask');
    expect((await serviceWith({}).state(minute(36))).busyUntil).toBeUndefined();
  });

  it("is busy from the site's departure lead before an assigned task, without its energy taken off yet", async () => {
    // t1 runs 06:00-06:30; at 05:52 a 10-minute lead has sent the bus off, a 5-minute one has not.
    const left = await serviceWith({}).state(minute(-8), 10);
    expect(left.busyUntil).toEqual(minute(35));
    expect(left.socPercent).toBe(60);
    expect((await serviceWith({}).state(minute(-8), 5)).busyUntil).toBeUndefined();
    expect((await serviceWith({}).state(minute(-8))).busyUntil).toBeUndefined();
  });

  it('takes nothing off once a direct reading came after the task began', async () => {
    const state = await serviceWith({ lastDirectReadingMs: minute(34).getTime(), socPercent: 39 }).state(minute(36));
    expect(state.socPercent).toBe(39);
  });

  it('takes nothing off for a task marked done (its energy is in the estimate)', async () => {
    const state = await serviceWith({ socPercent: 40 }, 'done').state(minute(40));
    expect(state.socPercent).toBe(40);
  });
});

describe('SocTrackingService.situations: SoC predicted at the start of the next task', () => {
  it.each([
    ['takes off the whole task in progress (no reading since it began)', 0, 40],
    // 1.5 h idle between the end of the task (06:30) and the next (08:00) at 4 kWh/h: 6 kWh, 3 % of 200 kWh.
    ['and the idle drain from the end of that task to the next one', 4, 37],
  ])('%s', async (_name, idleDrainKwhPerHour, predictedPercent) => {
    const service = serviceWith({}, 'in_progress', { idleDrainKwhPerHour, next: true });
    const [situation] = await service.situations(minute(10));
    expect(situation.nextTask!.task.id).toBe('t2');
    expect(situation.nextTask!.predicted!.socPercent).toBeCloseTo(predictedPercent, 6);
  });

  it('takes off only the rest of the task once a reading since its start shows what it drew', async () => {
    const service = serviceWith({ lastDirectReadingMs: minute(10).getTime(), socPercent: 53 }, 'in_progress', {
      idleDrainKwhPerHour: 0,
      next: true,
    });
    const [situation] = await service.situations(minute(15));
    // Half of 40 kWh left: 10 % of 200 kWh.
    expect(situation.nextTask!.predicted!.socPercent).toBeCloseTo(43, 6);
  });
});
