import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { TaskAssignmentRow } from './task-assignment.entity';

@Injectable()
export class TaskAssignmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(TaskAssignmentRow);
  }

  /** Replaces the task's vehicles; assignments already completed stay (their energy is in the estimator). */
  async replace(taskId: string, siteId: string, vehicleIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(TaskAssignmentRow);
      if (vehicleIds.length === 0) {
        await repo.delete({ taskId, completedAt: IsNull() });
        return;
      }
      await repo.delete({ taskId, completedAt: IsNull(), vehicleId: Not(In(vehicleIds)) });
      await manager
        .createQueryBuilder()
        .insert()
        .into(TaskAssignmentRow)
        .values(vehicleIds.map((vehicleId) => ({ taskId, vehicleId, siteId })))
        .orIgnore()
        .execute();
    });
  }

  /** Adds these vehicles to the task's assignments, keeping the ones it has (pins of a done task). */
  async ensure(taskId: string, siteId: string, vehicleIds: string[]): Promise<void> {
    if (vehicleIds.length === 0) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TaskAssignmentRow)
      .values(vehicleIds.map((vehicleId) => ({ taskId, vehicleId, siteId })))
      .orIgnore()
      .execute();
  }

  forTask(taskId: string): Promise<TaskAssignmentRow[]> {
    return this.repo.find({ where: { taskId }, order: { vehicleId: 'ASC' } });
  }

  forSite(siteId: string): Promise<TaskAssignmentRow[]> {
    return this.repo.find({ where: { siteId } });
  }

  /** Assignments whose task's completion or SoC drop is still to be taken in. */
  open(): Promise<TaskAssignmentRow[]> {
    return this.repo.find({ where: [{ completedAt: IsNull() }, { observedAt: IsNull() }] });
  }

  async markCompleted(taskId: string, vehicleId: string, at: Date): Promise<void> {
    await this.repo.update({ taskId, vehicleId }, { completedAt: at });
  }

  async markObserved(taskId: string, vehicleId: string, at: Date): Promise<void> {
    await this.repo.update({ taskId, vehicleId }, { observedAt: at });
  }
}
