import { Injectable } from '@nestjs/common';
import { FieldError, invalidFields } from '../common/field-errors';
import { VehicleIdentityService } from '../fleet/vehicle-identity.service';
import { TaskAssignmentRow } from './task-assignment.entity';
import { TaskAssignmentsRepository } from './task-assignments.repository';
import { namedVehicleViolations } from './task-vehicle-rules';
import { TasksService } from './tasks.service';
import { TransferTask } from './transfer-task.entity';

/** Told after a dispatcher recorded the vehicles of a task (SoC tracking takes in a done task's energy then). */
export type AssignmentsRecordedListener = (task: TransferTask) => Promise<void>;

/** Which vehicles serve (or served) a task, as a dispatcher or telematics records it. */
@Injectable()
export class TaskAssignmentsService {
  private readonly listeners: AssignmentsRecordedListener[] = [];

  constructor(
    private readonly tasks: TasksService,
    private readonly directory: VehicleIdentityService,
    private readonly assignments: TaskAssignmentsRepository,
  ) {}

  /** `listener` runs, awaited, after each recording; the request answers once it is done. */
  onRecorded(listener: AssignmentsRecordedListener): void {
    this.listeners.push(listener);
  }

  async assign(taskId: string, vehicleRefs: string[]): Promise<TaskAssignmentRow[]> {
    const task = await this.tasks.get(taskId);
    const ids: string[] = [];
    const errors: FieldError[] = [];
    for (const [index, ref] of vehicleRefs.entries()) {
      const vehicle = await this.directory.resolve(ref);
      const atSite = vehicle && vehicle.siteId === task.siteId ? [vehicle] : [];
      const violations = vehicle ? namedVehicleViolations(vehicle.fleetNumber, task, atSite) : [];
      if (!vehicle) errors.push({ field: `vehicles.${index}`, messages: [`unknown vehicle ${ref}`] });
      else if (violations.length > 0) {
        errors.push({ field: `vehicles.${index}`, messages: violations.flatMap((v) => v.messages) });
      } else ids.push(vehicle.id);
    }
    if (errors.length > 0) throw invalidFields(errors);
    await this.assignments.replace(task.id, task.siteId, [...new Set(ids)]);
    for (const listener of this.listeners) await listener(task);
    return this.assignments.forTask(task.id);
  }

  list(taskId: string): Promise<TaskAssignmentRow[]> {
    return this.assignments.forTask(taskId);
  }

  /** Every assignment recorded at a site: the tick reads them once. */
  forSite(siteId: string): Promise<TaskAssignmentRow[]> {
    return this.assignments.forSite(siteId);
  }

  /** Assignments whose done task's energy or SoC drop is still to be taken in. */
  open(): Promise<TaskAssignmentRow[]> {
    return this.assignments.open();
  }

  /** Adds vehicles to a task's assignments, keeping the ones it has (the pins of a done task). */
  ensure(taskId: string, siteId: string, vehicleIds: string[]): Promise<void> {
    return this.assignments.ensure(taskId, siteId, vehicleIds);
  }

  markCompleted(taskId: string, vehicleId: string, at: Date): Promise<void> {
    return this.assignments.markCompleted(taskId, vehicleId, at);
  }

  markObserved(taskId: string, vehicleId: string, at: Date): Promise<void> {
    return this.assignments.markObserved(taskId, vehicleId, at);
  }
}
