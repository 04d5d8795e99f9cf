import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { numericTransformer } from '../database/column-transformers';
import { Site } from '../sites/site.entity';

export type TaskStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
export const TASK_STATUSES: readonly TaskStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

/** A flight-driven transfer (e.g. remote stand to terminal) needing vehicles of one type. */
@Entity('transfer_tasks')
@Unique('UQ_transfer_tasks_site_flightRef', ['siteId', 'flightRef'])
@Index('IDX_transfer_tasks_site_start', ['siteId', 'startsAt'])
@Check('CHK_transfer_tasks_ends_after_start', '"endsAt" > "startsAt"')
export class TransferTask {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'siteId', foreignKeyConstraintName: 'FK_transfer_tasks_site' })
  site?: Site;

  /** Flight and leg, unique per site (e.g. CZ3101-A1); the scenario's task id. */
  @Column({ type: 'text' })
  flightRef!: string;

  @Column({ type: 'text' })
  vehicleType!: string;

  @Column({ type: 'integer', default: 1 })
  vehiclesNeeded!: number;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  energyKwhPerVehicle!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  distanceKm!: number | null;

  @Column({ type: 'text', default: 'planned' })
  status!: TaskStatus;

  /** Fleet numbers a dispatcher pinned on this task; the planner must use them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  pinnedVehicles!: string[];

  /** Fleet numbers a dispatcher forbade on this task; the planner never uses them. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  forbiddenVehicles!: string[];

  /** The flight this task serves (§8); null for a hand-made ad-hoc task. */
  @Index('IDX_transfer_tasks_flight')
  @Column({ type: 'uuid', nullable: true })
  flightId!: string | null;

  /** The flight's stand when the task was derived. */
  @Column({ type: 'text', nullable: true })
  stand!: string | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
