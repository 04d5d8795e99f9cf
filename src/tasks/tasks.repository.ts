import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThan, MoreThan } from 'typeorm';
import { definedOnly } from '../common/defined-only';
import { TaskStatus, TransferTask } from './transfer-task.entity';

export interface TaskFilter {
  siteId?: string;
  status?: TaskStatus;
  vehicleType?: string;
  /** Tasks overlapping [from, to): ending after `from`, starting before `to`. */
  from?: Date;
  to?: Date;
}

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

  async insertMany(tasks: Partial<TransferTask>[], manager?: EntityManager): Promise<TransferTask[]> {
    const repo = this.repo(manager);
    const result = await repo.insert(tasks.map((task) => repo.create(task)));
    return tasks.map((task, index) => ({ ...task, id: result.identifiers[index].id as string }) as TransferTask);
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
