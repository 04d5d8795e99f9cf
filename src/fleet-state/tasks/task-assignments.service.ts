import { Injectable } from '@nestjs/common';
import { invalidFields } from '../../common/field-errors';
import { TasksService } from '../../tasks/tasks.service';
import { VehicleDirectory } from '../common/vehicle-directory';
import { TaskAssignmentRow } from '../persistence/task-assignment.entity';
import { TaskAssignmentsRepository } from '../persistence/task-assignments.repository';
import { TaskCompletions } from './task-completions';

/** Which vehicles serve a task, as a dispatcher records it (until the scheduler's applied plan provides it). */
@Injectable()
export class TaskAssignmentsService {
  constructor(
    private readonly tasks: TasksService,
    private readonly directory: VehicleDirectory,
    private readonly assignments: TaskAssignmentsRepository,
    private readonly completions: TaskCompletions,
  ) {}

  async assign(taskId: string, vehicleRefs: string[]): Promise<TaskAssignmentRow[]> {
    const task = await this.tasks.get(taskId);
    const ids: string[] = [];
    const errors: { field: string; messages: string[] }[] = [];
    for (const [index, ref] of vehicleRefs.entries()) {
      const vehicle = await this.directory.resolve(ref);
      if (!vehicle) errors.push({ field: `vehicles.${index}`, messages: [`unknown vehicle ${ref}`] });
      else if (vehicle.siteId !== task.siteId) {
        errors.push({ field: `vehicles.${index}`, messages: [`vehicle ${ref} belongs to another site`] });
      } else if (vehicle.type !== task.vehicleType) {
        errors.push({ field: `vehicles.${index}`, messages: [`vehicle ${ref} is no ${task.vehicleType}`] });
      } else ids.push(vehicle.id);
    }
    if (errors.length > 0) throw invalidFields(errors);
    await this.assignments.replace(task.id, task.siteId, [...new Set(ids)]);
    if (task.status === 'done' || task.status === 'cancelled') await this.completions.runOnce();
    return this.assignments.forTask(task.id);
  }

  list(taskId: string): Promise<TaskAssignmentRow[]> {
    return this.assignments.forTask(taskId);
  }
}
