import { Injectable, NotFoundException } from '@nestjs/common';
import { assertVersion } from '../common/versioning/if-match';
import { definedOnly } from '../common/defined-only';
import { FieldError, invalidField, invalidFields } from '../common/field-errors';
import { Page } from '../common/pagination';
import { SitesService } from '../sites/sites.service';
import { TransferTask } from './transfer-task.entity';
import { CreateTaskDto, UpdateTaskDto } from './task.dto';
import { taskNullViolations, taskTimeViolations } from './task-rules';
import { TaskVehicleLists, vehicleListViolations } from './task-vehicle-rules';
import { TaskFilter, TasksRepository } from './tasks.repository';

@Injectable()
export class TasksService {
  constructor(
    private readonly repository: TasksRepository,
    private readonly sites: SitesService,
  ) {}

  async create(dto: CreateTaskDto): Promise<TransferTask> {
    const { start, end, ...fields } = dto;
    const task = {
      vehiclesNeeded: 1,
      energyKwhPerVehicle: null,
      distanceKm: null,
      status: 'planned' as const,
      ...definedOnly(fields),
      startsAt: new Date(start),
      endsAt: new Date(end),
    };
    this.assertValid([
      ...taskNullViolations(dto),
      ...(await this.siteViolations(dto.siteId)),
      ...taskTimeViolations(task),
    ]);
    return this.repository.insert(task);
  }

  async get(id: string): Promise<TransferTask> {
    const task = await this.repository.findById(id);
    if (!task) throw new NotFoundException(`Task ${id} not found`);
    return task;
  }

  async list(filter: TaskFilter, limit: number, offset: number): Promise<Page<TransferTask>> {
    if (filter.from && filter.to && filter.from >= filter.to) throw invalidField('to', 'to must be after from');
    const [items, total] = await this.repository.list(filter, limit, offset);
    return { items, total, limit, offset };
  }

  async update(id: string, dto: UpdateTaskDto, expectedVersion?: number): Promise<TransferTask> {
    this.assertValid(taskNullViolations(dto));
    // Before the row lock: no query on another connection inside the transaction (FACTS.md, PGlite).
    const siteErrors = dto.siteId === undefined ? [] : await this.siteViolations(dto.siteId);
    const { start, end, ...fields } = dto;
    const updated = await this.repository.updateLocked(id, (task) => {
      assertVersion(`Task ${id}`, task.version, expectedVersion);
      const merged = Object.assign(task, definedOnly(fields));
      if (start !== undefined) merged.startsAt = new Date(start);
      if (end !== undefined) merged.endsAt = new Date(end);
      const pinErrors = dto.vehiclesNeeded === undefined ? [] : vehicleListViolations(merged, 'vehiclesNeeded');
      this.assertValid([...siteErrors, ...taskTimeViolations(merged, dto), ...pinErrors]);
      return merged;
    });
    if (!updated) throw new NotFoundException(`Task ${id} not found`);
    return updated;
  }

  /**
   * Dispatcher pins and forbids: `change` gets the stored task under a row lock and returns its new lists, or
   * throws to abort with nothing written; the lists are checked against each other before they are saved.
   */
  async changeVehicleLists(id: string, change: (task: TransferTask) => TaskVehicleLists): Promise<TransferTask> {
    const updated = await this.repository.updateLocked(id, (task) => {
      const lists = change(task);
      this.assertValid(vehicleListViolations({ ...lists, vehiclesNeeded: task.vehiclesNeeded }, 'vehicle'));
      return Object.assign(task, lists);
    });
    if (!updated) throw new NotFoundException(`Task ${id} not found`);
    return updated;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundException(`Task ${id} not found`);
  }

  /**
   * For the scheduler: the site's tasks overlapping [from, to) in start order, every status included
   * (the caller decides whether done or cancelled tasks matter).
   */
  listInWindow(siteId: string, from: Date, to: Date): Promise<TransferTask[]> {
    return this.repository.listAll({ siteId, from, to });
  }

  private async siteViolations(siteId: string): Promise<FieldError[]> {
    if (await this.sites.exists(siteId)) return [];
    return [{ field: 'siteId', messages: [`site ${siteId} does not exist`] }];
  }

  private assertValid(violations: FieldError[]): void {
    if (violations.length > 0) throw invalidFields(violations);
  }
}
