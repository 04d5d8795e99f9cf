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
import { TransferTask } from '../tasks/transfer-task.entity';
import { TasksService } from '../tasks/tasks.service';
import { FleetSessionRow } from './persistence/fleet-session.entity';
import { FleetSessionsRepository } from './persistence/fleet-sessions.repository';
import { TaskAssignmentsRepository } from './persistence/task-assignments.repository';
import { retryIdempotent } from './common/retry';
import { VehicleSocStore } from './soc/vehicle-soc-store';
import { ConsumptionModel } from './tasks/consumption-model';
import { energyFallbacks, taskKindOf } from './tasks/task-energy';

/** Per vehicle, what the scheduling tick needs (matches src/scheduling's VehicleLive plus the fleet number). */
export interface FleetVehicleState {
  fleetNumber: string;
  socPercent: number;
  socUncertaintyPercent: number;
  plugged?: { chargePointId: string; connectorId: number };
  busyUntil?: Date;
}

export interface TaskWithEnergy {
  task: TransferTask;
  energy: TaskEnergyPrediction;
}

/** Everything fleet state knows about one vehicle at a moment. */
export interface VehicleSituation {
  vehicle: Vehicle;
  estimate: SocEstimate | null;
  session: FleetSessionRow | null;
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
const TASK_LOOKBACK_HOURS = 24;
const TASK_LOOKAHEAD_HOURS = 48;
const CLOSED = new Set(['done', 'cancelled']);

/**
 * The fleet's state for the scheduler and the fleet API: SoC estimates, where each vehicle is plugged in, its
 * tasks (recorded assignments and dispatcher pins), and task energy from learned consumption.
 */
@Injectable()
export class FleetStateService {
  constructor(
    private readonly vehicleRecords: VehiclesService,
    private readonly tasks: TasksService,
    private readonly store: VehicleSocStore,
    private readonly sessions: FleetSessionsRepository,
    private readonly assignments: TaskAssignmentsRepository,
    private readonly consumption: ConsumptionModel,
  ) {}

  /** For each tick: vehicles of the site with an SoC estimate (a vehicle never heard of is left out). */
  async vehicleStates(siteId: string, now: Date, departureLeadMinutes = 0): Promise<FleetVehicleState[]> {
    return (await this.fleetStates(siteId, now, departureLeadMinutes)).states;
  }

  /** src/scheduling's VehicleLiveState port: the tick's vehicles by fleet number, and who left for which task. */
  async fleet(
    siteId: string,
    now: Date,
    departureLeadMinutes = 0,
  ): Promise<{
    vehicles: Map<string, Omit<FleetVehicleState, 'fleetNumber'>>;
    vehiclesLeftByTask: Map<string, string[]>;
  }> {
    const { states, vehiclesLeftByTask } = await this.fleetStates(siteId, now, departureLeadMinutes);
    return { vehicles: keyedByFleetNumber(states), vehiclesLeftByTask };
  }

  private async fleetStates(
    siteId: string,
    now: Date,
    departureLeadMinutes: number,
  ): Promise<{ states: FleetVehicleState[]; vehiclesLeftByTask: Map<string, string[]> }> {
    const nowMs = now.getTime();
    const { situations, vehiclesLeftByTask } = await retryIdempotent(() =>
      this.readSituations(siteId, now, { withNextTask: false, departureLeadMinutes }),
    );
    // One situation per vehicle of the site: their task-energy fallbacks need no second read of the vehicles.
    const siteVehicles = situations.map((situation) => situation.vehicle);
    const states: FleetVehicleState[] = [];
    for (const { vehicle, estimate, session, startedTasks, leftForTasks } of situations) {
      if (!estimate) continue;
      const uncounted = energyNotInEstimateKwh({
        fromMs: nowMs,
        untilMs: nowMs,
        tasks: await this.pendingDraws(vehicle, startedTasks, siteVehicles),
        idleDrainKwhPerHour: vehicle.idleDrainKwhPerHour,
        lastDirectReadingMs: estimate.lastDirectReadingMs,
      });
      const state: FleetVehicleState = {
        fleetNumber: vehicle.fleetNumber,
        socPercent: Math.max(0, estimate.socPercent - (uncounted.energyKwh / vehicle.batteryKwh) * 100),
        socUncertaintyPercent: estimate.uncertaintyPercent,
      };
      if (session?.evseId != null)
        state.plugged = { chargePointId: session.chargePointId, connectorId: session.evseId };
      // Busy until back from the last task it left for (the site's departure lead before its start, or since it
      // started), turnaround included, whether or not it is marked done yet.
      const busyUntilMs = Math.max(
        ...leftForTasks.map((task) => task.endsAt.getTime() + vehicle.turnaroundMinutes * 60_000),
      );
      if (busyUntilMs > nowMs) state.busyUntil = new Date(busyUntilMs);
      states.push(state);
    }
    return { states, vehiclesLeftByTask };
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

  /** The tick's vehicle states keyed by fleet number (the dispatch board's view of the fleet). */
  async vehicles(
    siteId: string,
    now: Date,
    departureLeadMinutes = 0,
  ): Promise<Map<string, Omit<FleetVehicleState, 'fleetNumber'>>> {
    return keyedByFleetNumber(await this.vehicleStates(siteId, now, departureLeadMinutes));
  }

  /**
   * Open OCPP sessions (their gateway ids) that charge a fleet vehicle, including ones linked by an idTag in another
   * case, an EVCCID or a dispatcher, which the gateway's session row does not show: not public sessions.
   */
  async fleetSessionIds(siteId: string): Promise<Set<string>> {
    return new Set((await this.sessions.openLinkedAtSite(siteId)).map((session) => session.sessionId));
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

  situations(
    siteId: string,
    now: Date,
    options: SituationOptions = { withNextTask: true },
  ): Promise<VehicleSituation[]> {
    return retryIdempotent(async () => (await this.readSituations(siteId, now, options)).situations);
  }

  /** The vehicles' situations, and the fleet numbers recorded as serving each task (by task id) from the same read. */
  private async readSituations(
    siteId: string,
    now: Date,
    options: SituationOptions,
  ): Promise<{ situations: VehicleSituation[]; vehiclesLeftByTask: Map<string, string[]> }> {
    const nowMs = now.getTime();
    const leadMs = (options.departureLeadMinutes ?? 0) * 60_000;
    const vehicles = await this.vehicleRecords.listBySite(siteId);
    const open = await this.sessions.openForVehicles(vehicles.map((v) => v.id));
    const tasks = await this.tasks.listInWindow(
      siteId,
      new Date(nowMs - TASK_LOOKBACK_HOURS * HOUR_MS),
      new Date(nowMs + TASK_LOOKAHEAD_HOURS * HOUR_MS),
    );
    const taskById = new Map(tasks.map((task) => [task.id, task]));
    const tasksOf = new Map<string, TransferTask[]>();
    const recorded = new Set<string>();
    const assign = (vehicleId: string, task: TransferTask) => {
      const list = tasksOf.get(vehicleId) ?? [];
      if (!list.includes(task)) tasksOf.set(vehicleId, [...list, task]);
    };
    const fleetNumberOf = new Map(vehicles.map((vehicle) => [vehicle.id, vehicle.fleetNumber]));
    const vehiclesLeftByTask = new Map<string, string[]>();
    for (const assignment of await this.assignments.forSite(siteId)) {
      const fleetNumber = fleetNumberOf.get(assignment.vehicleId);
      if (fleetNumber) {
        vehiclesLeftByTask.set(assignment.taskId, [...(vehiclesLeftByTask.get(assignment.taskId) ?? []), fleetNumber]);
      }
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
    const result: VehicleSituation[] = [];
    for (const vehicle of vehicles) {
      const estimate = await this.store.estimate(vehicle, nowMs);
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
        session: open.find((s) => s.vehicleId === vehicle.id) ?? null,
        currentTask,
        startedTasks,
        leftForTasks,
        nextTask: options.withNextTask
          ? await this.nextTask(vehicle, estimate, startedTasks, upcoming, nowMs, vehicles)
          : null,
        drift: options.withNextTask ? await this.consumption.drift(vehicle.id) : [],
      });
    }
    return { situations: result, vehiclesLeftByTask };
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

function keyedByFleetNumber(states: FleetVehicleState[]): Map<string, Omit<FleetVehicleState, 'fleetNumber'>> {
  return new Map(states.map(({ fleetNumber, ...state }) => [fleetNumber, state]));
}
