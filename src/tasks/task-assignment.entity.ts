import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Which vehicle serves (or served) a task, as a dispatcher recorded it; the scheduler's applied plan is the other
 * source. `completedAt` is set once the done task's energy went into the vehicle's estimator, `observedAt` once its
 * SoC drop was learned.
 */
@Entity('task_assignments')
@Index('IDX_task_assignments_vehicle', ['vehicleId'])
export class TaskAssignmentRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_task_assignments' })
  taskId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_task_assignments' })
  vehicleId!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  observedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
