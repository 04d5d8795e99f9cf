import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThan, MoreThan } from 'typeorm';
import { definedOnly } from '../common/defined-only';
import { UnnestColumn, unnestInsert } from '../database/unnest-insert';
import { TaskStatus, TransferTask } from './transfer-task.entity';

export interface TaskFilter {
  siteId?: string;
  status?: TaskStatus;
  vehicleType?: string;
  /** Tasks overlapping [from, to): ending after `from`, starting before `to`. */
  from?: Date;
  to?: Date;
}

const TASK_COLUMNS: UnnestColumn<Partial<TransferTask>>[] = [
  { name: 'siteId', type: 'uuid', value: (t) => t.siteId },
  { name: 'flightRef', type: 'text', value: (t) => t.flightRef },
  { name: 'vehicleType', type: 'text', value: (t) => t.vehicleType },
  { name: 'vehiclesNeeded', type: 'integer', value: (t) => t.vehiclesNeeded },
  { name: 'startsAt', type: 'timestamptz', value: (t) => t.startsAt?.toISOString() },
  { name: 'endsAt', type: 'timestamptz', value: (t) => t.endsAt?.toISOString() },
  { name: 'energyKwhPerVehicle', type: 'numeric', value: (t) => t.energyKwhPerVehicle },
  { name: 'distanceKm', type: 'numeric', value: (t) => t.distanceKm },
  { name: 'status', type: 'text', value: (t) => t.status ?? 'planned' },
  { name: 'flightId', type: 'uuid', value: (t) => t.flightId },
  { name: 'stand', type: 'text', value: (t) => t.stand },
  // TypeORM's @VersionColumn has no database default; it starts at 1.
  { name: 'version', type: 'integer', value: () => 1 },
];

@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(TransferTask);
  }

  insert(task: Partial<TransferTask>): Promise<TransferTask> {
    const repo = this.repo();
    return repo.save(repo.create(task));
  }

  findById(id: string): Promise<TransferTask | null> {
    return this.repo().findOne({ where: { id } });
  }

  list(filter: TaskFilter, limit: number, offset: number): Promise<[TransferTask[], number]> {
    return this.repo().findAndCount({
      where: this.where(filter),
      order: { startsAt: 'ASC', flightRef: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  listAll(filter: TaskFilter): Promise<TransferTask[]> {
    return this.repo().find({ where: this.where(filter), order: { startsAt: 'ASC', flightRef: 'ASC' } });
  }

  /**
   * Read-modify-write under a row lock so two concurrent partial updates both land. The callback
   * returns the row to save, or throws to abort with nothing written.
   */
  updateLocked(id: string, change: (task: TransferTask) => TransferTask): Promise<TransferTask | null> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!task) return null;
      return this.repo(manager).save(change(task));
    });
  }

  /** Flight-derived tasks (src/tasks/flight-tasks.service.ts), inside the flights feature's transaction. */
  async listByFlights(flightIds: string[], manager?: EntityManager): Promise<TransferTask[]> {
    const tasks: TransferTask[] = [];
    for (let i = 0; i < flightIds.length; i += 5000) {
      tasks.push(...(await this.repo(manager).find({ where: { flightId: In(flightIds.slice(i, i + 5000)) } })));
    }
    return tasks;
  }

  /** Flight-derived tasks in one statement (a season's import makes 50,000); returns them with their ids. */
  async insertMany(tasks: Partial<TransferTask>[], manager?: EntityManager): Promise<TransferTask[]> {
    const rows = await unnestInsert<Partial<TransferTask>, { id: string; flightRef: string }>(
      manager ?? this.dataSource.manager,
      'transfer_tasks',
      TASK_COLUMNS,
      tasks,
      '"id", "flightRef"',
    );
    const ids = new Map(rows.map((row) => [row.flightRef, row.id]));
    return tasks.map((task) => ({ ...task, id: ids.get(task.flightRef!) }) as TransferTask);
  }

  save(task: TransferTask, manager?: EntityManager): Promise<TransferTask> {
    return this.repo(manager).save(task);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repo().delete({ id });
    return (result.affected ?? 0) > 0;
  }

  private where({ siteId, status, vehicleType, from, to }: TaskFilter): FindOptionsWhere<TransferTask> {
    return definedOnly({
      siteId,
      status,
      vehicleType,
      endsAt: from && MoreThan(from),
      startsAt: to && LessThan(to),
    });
  }
}
