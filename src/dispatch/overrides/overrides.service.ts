import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { invalidFields } from '../../common/field-errors';
import { Page } from '../../common/pagination';
import { Vehicle } from '../../fleet/vehicle.entity';
import { VehiclesService } from '../../fleet/vehicles.service';
import { SitesService } from '../../sites/sites.service';
import { namedVehicleViolations, TaskVehicleLists } from '../../tasks/task-vehicle-rules';
import { TasksService } from '../../tasks/tasks.service';
import { TaskStatus, TransferTask } from '../../tasks/transfer-task.entity';
import type { Actor } from '../../auth/actor.decorator';
import { AdHocTaskDto } from './override.dto';
import { OverrideRecord } from './override-record.entity';
import { OverrideRecorder } from './override-recorder';
import { OverridesRepository } from './overrides.repository';

type ListName = keyof TaskVehicleLists;

/**
 * Dispatcher overrides, each through the owning feature's service so the next tick reads it like any other state,
 * then audited and published. The audit is written after the change: a crash between the two loses an audit row,
 * never an override.
 */
@Injectable()
export class OverridesService {
  constructor(
    private readonly sites: SitesService,
    private readonly tasks: TasksService,
    private readonly vehicles: VehiclesService,
    private readonly recorder: OverrideRecorder,
    private readonly repository: OverridesRepository,
  ) {}

  pin(siteId: string, taskId: string, vehicle: string, actor: Actor): Promise<TransferTask> {
    return this.addToList(siteId, taskId, vehicle, 'pinnedVehicles', actor);
  }

  forbid(siteId: string, taskId: string, vehicle: string, actor: Actor): Promise<TransferTask> {
    return this.addToList(siteId, taskId, vehicle, 'forbiddenVehicles', actor);
  }

  unpin(siteId: string, taskId: string, vehicle: string, actor: Actor): Promise<TransferTask> {
    return this.removeFromList(siteId, taskId, vehicle, 'pinnedVehicles', actor);
  }

  unforbid(siteId: string, taskId: string, vehicle: string, actor: Actor): Promise<TransferTask> {
    return this.removeFromList(siteId, taskId, vehicle, 'forbiddenVehicles', actor);
  }

  async setInService(
    siteId: string,
    vehicleId: string,
    inService: boolean,
    reason: string | undefined,
    actor: Actor,
  ): Promise<Vehicle> {
    const vehicle = await this.vehicles.get(vehicleId);
    if (vehicle.siteId !== siteId) throw new NotFoundException(`Vehicle ${vehicleId} not found at site ${siteId}`);
    const updated = await this.vehicles.update(vehicleId, { inService });
    const details = { vehicle: vehicle.fleetNumber, ...(reason === undefined ? {} : { reason }) };
    await this.recorder.record(
      { siteId, kind: inService ? 'in-service' : 'out-of-service', vehicleId, details },
      actor,
    );
    return updated;
  }

  async addTask(siteId: string, dto: AdHocTaskDto, actor: Actor): Promise<TransferTask> {
    await this.sites.get(siteId);
    const task = await this.tasks.create({ ...dto, siteId, status: 'planned' });
    const details = { flightRef: task.flightRef, start: task.startsAt.toISOString(), end: task.endsAt.toISOString() };
    await this.recorder.record({ siteId, kind: 'ad-hoc-task', taskId: task.id, details }, actor);
    return task;
  }

  async finish(siteId: string, taskId: string, status: 'done' | 'cancelled', actor: Actor): Promise<TransferTask> {
    const task = await this.taskOfSite(siteId, taskId);
    if (!OPEN.includes(task.status)) throw new ConflictException(`Task ${task.flightRef} is already ${task.status}`);
    const updated = await this.tasks.update(taskId, { status });
    const kind = status === 'done' ? 'task-done' : 'task-cancelled';
    await this.recorder.record({ siteId, kind, taskId, details: { flightRef: task.flightRef } }, actor);
    return updated;
  }

  async list(siteId: string, limit: number, offset: number): Promise<Page<OverrideRecord>> {
    await this.sites.get(siteId);
    const [items, total] = await this.repository.list(siteId, limit, offset);
    return { items, total, limit, offset };
  }

  private async addToList(
    siteId: string,
    taskId: string,
    vehicle: string,
    list: ListName,
    actor: Actor,
  ): Promise<TransferTask> {
    const task = await this.taskOfSite(siteId, taskId);
    // Read before the row lock: no query on another connection inside the transaction (FACTS.md, PGlite).
    const violations = namedVehicleViolations(vehicle, task, await this.vehicles.listBySite(siteId));
    if (violations.length > 0) throw invalidFields(violations);
    const updated = await this.tasks.changeVehicleLists(taskId, (stored) => {
      assertOpen(stored);
      const lists = { pinnedVehicles: stored.pinnedVehicles, forbiddenVehicles: stored.forbiddenVehicles };
      return lists[list].includes(vehicle) ? lists : { ...lists, [list]: [...lists[list], vehicle] };
    });
    const kind = list === 'pinnedVehicles' ? 'pin' : 'forbid';
    await this.recorder.record({ siteId, kind, taskId, details: { vehicle, flightRef: task.flightRef } }, actor);
    return updated;
  }

  private async removeFromList(
    siteId: string,
    taskId: string,
    vehicle: string,
    list: ListName,
    actor: Actor,
  ): Promise<TransferTask> {
    const task = await this.taskOfSite(siteId, taskId);
    const updated = await this.tasks.changeVehicleLists(taskId, (stored) => {
      if (!stored[list].includes(vehicle)) {
        const what = list === 'pinnedVehicles' ? 'pinned' : 'forbidden';
        throw new NotFoundException(`Vehicle ${vehicle} is not ${what} on task ${stored.flightRef}`);
      }
      const lists = { pinnedVehicles: stored.pinnedVehicles, forbiddenVehicles: stored.forbiddenVehicles };
      return { ...lists, [list]: lists[list].filter((name) => name !== vehicle) };
    });
    const kind = list === 'pinnedVehicles' ? 'unpin' : 'unforbid';
    await this.recorder.record({ siteId, kind, taskId, details: { vehicle, flightRef: task.flightRef } }, actor);
    return updated;
  }

  private async taskOfSite(siteId: string, taskId: string): Promise<TransferTask> {
    const task = await this.tasks.get(taskId);
    if (task.siteId !== siteId) throw new NotFoundException(`Task ${taskId} not found at site ${siteId}`);
    return task;
  }
}

const OPEN: TaskStatus[] = ['planned', 'in_progress'];

function assertOpen(task: TransferTask): void {
  if (!OPEN.includes(task.status)) throw new ConflictException(`Task ${task.flightRef} is ${task.status}`);
}
