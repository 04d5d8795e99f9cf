import { Injectable } from '@nestjs/common';
import {
  ConsumptionDrift,
  energyNotInEstimateKwh,
  PendingTaskDraw,
  predictSocAtPercent,
  PredictedSoc,
  SocEstimate,
  TaskEnergyPrediction,
} from '@apron/soc';
import { Vehicle } from '../fleet/vehicle.entity';
import { VehiclesService } from '../fleet/vehicles.service';
import { SessionRow } from '../ocpp/persistence/session.entity';
import { OcppReadService } from '../ocpp/read/ocpp-read.service';
import { TaskAssignmentRow } from '../tasks/task-assignment.entity';
import { TaskAssignmentsService } from '../tasks/task-assignments.service';
import { TransferTask } from '../tasks/transfer-task.entity';
import { TasksService } from '../tasks/tasks.service';
import { retryIdempotent } from './common/retry';
import { VehicleSocStore } from './soc/vehicle-soc-store';
import { ConsumptionModel } from './tasks/consumption-model';
import { energyFallbacks, taskKindOf } from './tasks/task-energy';

/**
 * What a site's vehicle states are worked out from, read once by the caller (the tick's snapshot reads them for the
 * plan too): the site's vehicles, its tasks from a day before now on, the recorded task assignments and the charging
 * sessions in progress.
 */
export interface FleetRecords {
  vehicles: Vehicle[];
  tasks: TransferTask[];
  assignments: TaskAssignmentRow[];
  sessions: SessionRow[];
}

/** Per vehicle, what the scheduling tick needs (src/scheduling's VehicleLive). */
export interface VehicleSocState {
  socPercent: number;
  socUncertaintyPercent: number;
  busyUntil?: Date;
  /** While busy: the task (flight reference) it left for and is not back from. */
  awayOnTask?: string;
}

export interface TaskWithEnergy {
  task: TransferTask;
  energy: TaskEnergyPrediction;
}

/** Everything SoC tracking knows about one vehicle at a moment. */
export interface VehicleSituation {
  vehicle: Vehicle;
  estimate: SocEstimate | null;
  /** The charging session in progress that the gateway links to this vehicle. */
  session: SessionRow | null;
  currentTask: TransferTask | null;
  /** Assigned tasks that have started and are not done or cancelled yet (their energy is not in the estimate). */
  startedTasks: TransferTask[];
  /**
   * Assigned tasks not done or cancelled that the vehicle has left the depot for: started, or recorded as served by it
   * (not only pinned) within the site's departure lead before the start.
   */
  leftForTasks: TransferTask[];
  nextTask: (TaskWithEnergy & { predicted: PredictedSoc | null }) | null;
  drift: ConsumptionDrift[];
}

export interface SituationOptions {
  withNextTask: boolean;
  /** The site's departure lead: a vehicle assigned to a task has left this many minutes before its start. */
  departureLeadMinutes?: number;
}

const HOUR_MS = 3600_000;
/** How far back and ahead of now the tasks of FleetRecords must reach. */
const TASK_LOOKBACK_HOURS = 24;
const TASK_LOOKAHEAD_HOURS = 48;
const CLOSED = new Set(['done', 'cancelled']);

/**
 * The fleet's state of charge for the scheduler, the dispatch board and the fleet API: SoC estimates, where each
 * vehicle is plugged in (the gateway's sessions), its tasks (recorded assignments and dispatcher pins), and task
 * energy from learned consumption.
 */
@Injectable()
export class SocTrackingService {
  constructor(
    private readonly vehicleRecords: VehiclesService,
    private readonly tasks: TasksService,
    private readonly assignments: TaskAssignmentsService,
    private readonly ocpp: OcppReadService,
    private readonly store: VehicleSocStore,
    private readonly consumption: ConsumptionModel,
  ) {}

  /** A site's fleet records around `now`, one read each; the sessions only when asked (vehicle states need none). */
  private records(siteId: string, now: Date, withSessions: false): Promise<Omit<FleetRecords, 'sessions'>>;
  private records(siteId: string, now: Date, withSessions: true): Promise<FleetRecords>;
  private async records(siteId: string, now: Date, withSessions: boolean): Promise<Omit<FleetRecords, 'sessions'>> {
    const nowMs = now.getTime();
    return retryIdempotent(async () => ({
      vehicles: await this.vehicleRecords.listBySite(siteId),
      tasks: await this.tasks.listInWindow(
        siteId,
        new Date(nowMs - TASK_LOOKBACK_HOURS * HOUR_MS),
        new Date(nowMs + TASK_LOOKAHEAD_HOURS * HOUR_MS),
      ),
      assignments: await this.assignments.forSite(siteId),
      ...(withSessions ? { sessions: await this.ocpp.activeSessions(siteId) } : {}),
    }));
  }

  /**
   * For each tick: the vehicles with an SoC estimate by fleet number (a vehicle never heard of is left out), and the
   * fleet numbers recorded as serving each task (by task id), the vehicles that left for it.
   */
  async vehicleStates(
    records: Omit<FleetRecords, 'sessions'>,
    now: Date,
    departureLeadMinutes = 0,
  ): Promise<{ vehicles: Map<string, VehicleSocState>; vehiclesLeftByTask: Map<string, string[]> }> {
    const nowMs = now.getTime();
    const situations = await this.situationsOf({ ...records, sessions: [] }, now, {
      withNextTask: false,
      departureLeadMinutes,
    });
    const vehicles = new Map<string, VehicleSocState>();
    for (const { vehicle, estimate, startedTasks, leftForTasks } of situations) {
      if (!estimate) continue;
      const uncounted = energyNotInEstimateKwh({
        fromMs: nowMs,
        untilMs: nowMs,
        tasks: await this.pendingDraws(vehicle, startedTasks, records.vehicles),
        idleDrainKwhPerHour: vehicle.idleDrainKwhPerHour,
        lastDirectReadingMs: estimate.lastDirectReadingMs,
      });
      const state: VehicleSocState = {
        socPercent: Math.max(0, estimate.socPercent - (uncounted.energyKwh / vehicle.batteryKwh) * 100),
        socUncertaintyPercent: estimate.uncertaintyPercent,
      };
      // Busy until back from the last task it left for (the site's departure lead before its start, or since it
      // started), turnaround included, whether or not it is marked done yet.
      const backMs = (task: TransferTask) => task.endsAt.getTime() + vehicle.turnaroundMinutes * 60_000;
      const away = leftForTasks.reduce<TransferTask | null>(
        (last, t) => (last && backMs(last) >= backMs(t) ? last : t),
        null,
      );
      if (away && backMs(away) > nowMs) {
        state.busyUntil = new Date(backMs(away));
        state.awayOnTask = away.flightRef;
      }
      vehicles.set(vehicle.fleetNumber, state);
    }
    const fleetNumberOf = new Map(records.vehicles.map((vehicle) => [vehicle.id, vehicle.fleetNumber]));
    const vehiclesLeftByTask = new Map<string, string[]>();
    for (const { taskId, vehicleId } of records.assignments) {
      const fleetNumber = fleetNumberOf.get(vehicleId);
      if (fleetNumber) vehiclesLeftByTask.set(taskId, [...(vehiclesLeftByTask.get(taskId) ?? []), fleetNumber]);
    }
    return { vehicles, vehiclesLeftByTask };
  }

  /** The tick's view of a site's fleet (vehicle states, who left for which task), read for the dispatch boards. */
  async fleet(siteId: string, now: Date, departureLeadMinutes = 0): ReturnType<SocTrackingService['vehicleStates']> {
    return this.vehicleStates(await this.records(siteId, now, false), now, departureLeadMinutes);
  }

  /**
   * Energy per vehicle for a task that does not state it: learned for the vehicle type (per km when the task has a
   * distance), else the configured consumption of the site's vehicles of that type, else 0 (source `none`).
   * `siteVehicles`: the task's site's vehicles when the caller has them already (else they are read).
   */
  async taskEnergyKwh(
    task: Pick<TransferTask, 'siteId' | 'energyKwhPerVehicle' | 'distanceKm'>,
    vehicleType: string,
    vehicle?: Vehicle,
    siteVehicles?: Vehicle[],
  ): Promise<TaskEnergyPrediction> {
    const vehicles = siteVehicles ?? (await this.vehicleRecords.listBySite(task.siteId));
    const sameType = vehicles.filter((v) => v.type === vehicleType);
    return this.consumption.predict(
      {
        vehicleId: vehicle?.id ?? '',
        taskKind: taskKindOf(vehicleType),
        statedEnergyKwh: task.energyKwhPerVehicle,
        distanceKm: task.distanceKm,
      },
      energyFallbacks(vehicle ?? null, sameType),
    );
  }

  async situations(
    siteId: string,
    now: Date,
    options: SituationOptions = { withNextTask: true },
  ): Promise<VehicleSituation[]> {
    return this.situationsOf(await this.records(siteId, now, true), now, options);
  }

  /** The vehicles' situations from records read already. */
  private async situationsOf(records: FleetRecords, now: Date, options: SituationOptions): Promise<VehicleSituation[]> {
    const nowMs = now.getTime();
    const leadMs = (options.departureLeadMinutes ?? 0) * 60_000;
    const { vehicles } = records;
    const tasks = records.tasks.filter(
      (task) =>
        task.endsAt.getTime() > nowMs - TASK_LOOKBACK_HOURS * HOUR_MS &&
        task.startsAt.getTime() < nowMs + TASK_LOOKAHEAD_HOURS * HOUR_MS,
    );
    const taskById = new Map(tasks.map((task) => [task.id, task]));
    const tasksOf = new Map<string, TransferTask[]>();
    const recorded = new Set<string>();
    const assign = (vehicleId: string, task: TransferTask) => {
      const list = tasksOf.get(vehicleId) ?? [];
      if (!list.includes(task)) tasksOf.set(vehicleId, [...list, task]);
    };
    for (const assignment of records.assignments) {
      const task = taskById.get(assignment.taskId);
      if (task && !CLOSED.has(task.status)) {
        assign(assignment.vehicleId, task);
        recorded.add(`${assignment.vehicleId}|${task.id}`);
      }
    }
    // A dispatcher's pin (fleet numbers) assigns the vehicle as firmly as a recorded assignment.
    const byFleetNumber = new Map(vehicles.map((vehicle) => [vehicle.fleetNumber, vehicle.id]));
    for (const task of tasks) {
      if (CLOSED.has(task.status)) continue;
      for (const fleetNumber of task.pinnedVehicles ?? []) {
        const vehicleId = byFleetNumber.get(fleetNumber);
        if (vehicleId) assign(vehicleId, task);
      }
    }
    const estimates = await this.store.estimates(vehicles, nowMs);
    const result: VehicleSituation[] = [];
    for (const vehicle of vehicles) {
      const estimate = estimates.get(vehicle.id) ?? null;
      const assigned = (tasksOf.get(vehicle.id) ?? []).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      const currentTask =
        assigned.find(
          (t) => t.startsAt.getTime() <= nowMs && (t.endsAt.getTime() > nowMs || t.status === 'in_progress'),
        ) ?? null;
      const upcoming = assigned.filter((t) => t.startsAt.getTime() > nowMs);
      const startedTasks = assigned.filter((t) => t.startsAt.getTime() <= nowMs);
      const leftForTasks = assigned.filter(
        (t) =>
          t.startsAt.getTime() <= nowMs ||
          (t.startsAt.getTime() - leadMs <= nowMs && recorded.has(`${vehicle.id}|${t.id}`)),
      );
      result.push({
        vehicle,
        estimate,
        session: latestSessionOf(records.sessions, vehicle.id),
        currentTask,
        startedTasks,
        leftForTasks,
        nextTask: options.withNextTask
          ? await this.nextTask(vehicle, estimate, startedTasks, upcoming, nowMs, vehicles)
          : null,
        drift: options.withNextTask ? await this.consumption.drift(vehicle.id) : [],
      });
    }
    return result;
  }

  /**
   * Tasks begun and not done, with their energy. A task's energy reaches the estimate only when the task is done;
   * until then, and while no direct reading came after the task began, the scheduler must not see the SoC the vehicle
   * left with: the energy drawn so far is taken off (all of it once the task has ended), and the SoC predicted at the
   * next task takes off the rest.
   */
  private async pendingDraws(
    vehicle: Vehicle,
    startedTasks: TransferTask[],
    siteVehicles: Vehicle[],
  ): Promise<PendingTaskDraw[]> {
    const draws: PendingTaskDraw[] = [];
    for (const task of startedTasks) {
      const energy = await this.taskEnergyKwh(task, vehicle.type, vehicle, siteVehicles);
      draws.push({
        startMs: task.startsAt.getTime(),
        endMs: task.endsAt.getTime(),
        energyKwh: energy.energyKwh,
        sigmaKwh: energy.sigmaKwh,
      });
    }
    return draws;
  }

  /**
   * The next assigned task, and the SoC predicted at its start: the estimate less what the tasks already begun will
   * have drawn by then and the idle drain until then.
   */
  private async nextTask(
    vehicle: Vehicle,
    estimate: SocEstimate | null,
    startedTasks: TransferTask[],
    upcoming: TransferTask[],
    nowMs: number,
    siteVehicles: Vehicle[],
  ): Promise<VehicleSituation['nextTask']> {
    const next = upcoming[0];
    if (!next) return null;
    const energy = await this.taskEnergyKwh(next, vehicle.type, vehicle, siteVehicles);
    if (!estimate) return { task: next, energy, predicted: null };
    const before = energyNotInEstimateKwh({
      fromMs: nowMs,
      untilMs: next.startsAt.getTime(),
      tasks: await this.pendingDraws(vehicle, startedTasks, siteVehicles),
      idleDrainKwhPerHour: vehicle.idleDrainKwhPerHour,
      lastDirectReadingMs: estimate.lastDirectReadingMs,
    });
    const predicted = predictSocAtPercent(estimate, before.energyKwh, vehicle.batteryKwh, {
      energySigmaKwh: before.sigmaKwh,
    });
    return { task: next, energy, predicted };
  }
}

/** A vehicle plugged in at two chargers (a link gone stale) shows the session that started last. */
function latestSessionOf(sessions: SessionRow[], vehicleId: string): SessionRow | null {
  const started = (session: SessionRow) => (session.startedAt ?? session.createdAt).getTime();
  return (
    sessions
      .filter((session) => session.vehicleId === vehicleId && session.stoppedAt === null)
      .sort((a, b) => started(b) - started(a))[0] ?? null
  );
}
