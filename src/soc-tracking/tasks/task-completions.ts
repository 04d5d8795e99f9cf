import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { TransferTask } from '../../tasks/transfer-task.entity';
import { TasksService } from '../../tasks/tasks.service';
import { SitesService } from '../../sites/sites.service';
import { MAX_PAGE_SIZE } from '../../common/pagination';
import { Vehicle } from '../../fleet/vehicle.entity';
import { VehiclesService } from '../../fleet/vehicles.service';
import { CLOCK, Clock } from '../../common/clock';
import { SOC_TRACKING_OPTIONS, SocTrackingOptions } from '../common/soc-tracking-options';
import { VehicleIdentityService } from '../../fleet/vehicle-identity.service';
import { OcppReadService } from '../../ocpp/read/ocpp-read.service';
import { TaskAssignmentRow } from '../../tasks/task-assignment.entity';
import { TaskAssignmentsService } from '../../tasks/task-assignments.service';
import { VehicleSocStore } from '../soc/vehicle-soc-store';
import { ConsumptionModel } from './consumption-model';
import { energyFallbacks, socDropPercent, taskKindOf } from './task-energy';

const HOUR_MS = 3600_000;

/**
 * Done tasks into fleet state: each assigned vehicle's estimator gets the task's energy (stated, else predicted), and
 * once direct readings before and after the task exist, the SoC drop teaches the consumption learner. Tasks have no
 * change events, so assignments still open are checked on a timer and right after an assignment is recorded.
 */
@Injectable()
export class TaskCompletions implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TaskCompletions.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly assignments: TaskAssignmentsService,
    private readonly tasks: TasksService,
    private readonly sites: SitesService,
    private readonly vehicles: VehiclesService,
    private readonly directory: VehicleIdentityService,
    private readonly store: VehicleSocStore,
    private readonly consumption: ConsumptionModel,
    private readonly ocpp: OcppReadService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_TRACKING_OPTIONS) private readonly options: SocTrackingOptions,
  ) {}

  onModuleInit(): void {
    // A done task's vehicles recorded by a dispatcher: its energy goes in before the request answers.
    this.assignments.onRecorded(async (task) => {
      if (task.status === 'done' || task.status === 'cancelled') await this.runOnce();
    });
    if (this.options.taskPollMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.options.taskPollMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Checks every open assignment once; concurrent calls share one run. */
  runOnce(): Promise<void> {
    this.running ??= this.check()
      .catch((error: unknown) => this.logger.error(`task completions: ${String(error)}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async check(): Promise<void> {
    await this.adoptPins();
    const open = await this.assignments.open();
    const tasks = new Map<string, TransferTask | null>();
    for (const assignment of open) {
      if (!tasks.has(assignment.taskId))
        tasks.set(assignment.taskId, await this.tasks.get(assignment.taskId).catch(() => null));
    }
    const inTaskOrder = open
      .filter((a) => tasks.get(a.taskId))
      .sort((a, b) => tasks.get(a.taskId)!.endsAt.getTime() - tasks.get(b.taskId)!.endsAt.getTime());
    for (const assignment of inTaskOrder) {
      const task = tasks.get(assignment.taskId)!;
      const vehicle = await this.directory.get(assignment.vehicleId);
      if (!vehicle) continue;
      try {
        await this.settle(assignment, task, vehicle);
      } catch (error) {
        this.logger.error(`task ${task.flightRef}, vehicle ${vehicle.fleetNumber}: ${String(error)}`);
      }
    }
  }

  /** A dispatcher's pin on a task that is now done says which vehicle served it, like an assignment. */
  private async adoptPins(): Promise<void> {
    const nowMs = this.clock.now().getTime();
    const windowMs = this.options.observationWindowHours * HOUR_MS;
    const sites = await this.sites.list({}, MAX_PAGE_SIZE, 0);
    for (const site of sites.items) {
      const recent = await this.tasks.listInWindow(site.id, new Date(nowMs - windowMs), new Date(nowMs + HOUR_MS));
      for (const task of recent) {
        if (task.status !== 'done' || !task.pinnedVehicles?.length) continue;
        const ids: string[] = [];
        for (const fleetNumber of task.pinnedVehicles) {
          const vehicle = await this.directory.resolve(fleetNumber);
          if (vehicle) ids.push(vehicle.id);
        }
        await this.assignments.ensure(task.id, task.siteId, ids);
      }
    }
  }

  private async settle(assignment: TaskAssignmentRow, task: TransferTask, vehicle: Vehicle): Promise<void> {
    const now = this.clock.now();
    if (task.status === 'cancelled') {
      if (!assignment.completedAt) await this.assignments.markCompleted(task.id, vehicle.id, now);
      if (!assignment.observedAt) await this.assignments.markObserved(task.id, vehicle.id, now);
      return;
    }
    if (task.status !== 'done') return;
    if (!assignment.completedAt) {
      const energy = await this.consumption.predict(
        {
          vehicleId: vehicle.id,
          taskKind: taskKindOf(task.vehicleType),
          statedEnergyKwh: task.energyKwhPerVehicle,
          distanceKm: task.distanceKm,
        },
        energyFallbacks(vehicle, await this.sameType(vehicle)),
      );
      await this.store.add(vehicle, [
        {
          kind: 'task',
          startMs: task.startsAt.getTime(),
          endMs: task.endsAt.getTime(),
          energyKwh: energy.energyKwh,
          id: `task:${task.id}`,
        },
      ]);
      await this.assignments.markCompleted(task.id, vehicle.id, now);
    }
    if (!assignment.observedAt) await this.observe(task, vehicle, now);
  }

  /** Learns from the SoC drop between direct readings around the task, unless the vehicle charged in between. */
  private async observe(task: TransferTask, vehicle: Vehicle, now: Date): Promise<void> {
    const windowMs = this.options.observationWindowHours * HOUR_MS;
    const startMs = task.startsAt.getTime();
    const endMs = task.endsAt.getTime();
    const readings = await this.store.readingsBetween(vehicle, startMs - windowMs, endMs + windowMs);
    const drop = socDropPercent(readings, startMs, endMs);
    if (drop === null) {
      if (now.getTime() > endMs + windowMs) {
        this.logger.log(`task ${task.flightRef}: no readings around it for ${vehicle.fleetNumber}, nothing learned`);
        await this.assignments.markObserved(task.id, vehicle.id, now);
      }
      return;
    }
    const sessions = await this.ocpp.listSessions(
      { vehicleId: vehicle.id, from: new Date(drop.beforeMs), to: new Date(drop.afterMs) },
      1,
      0,
    );
    if (sessions.total === 0) {
      const result = await this.consumption.observe({
        vehicleId: vehicle.id,
        taskKind: taskKindOf(task.vehicleType),
        socDropPercent: drop.dropPercent,
        batteryKwh: vehicle.batteryKwh,
        distanceKm: task.distanceKm ?? undefined,
      });
      if (!result.accepted) this.logger.log(`task ${task.flightRef}, ${vehicle.fleetNumber}: ${result.message}`);
    }
    await this.assignments.markObserved(task.id, vehicle.id, now);
  }

  private async sameType(vehicle: Vehicle): Promise<Vehicle[]> {
    return (await this.vehicles.listBySite(vehicle.siteId)).filter((v) => v.type === vehicle.type);
  }
}
