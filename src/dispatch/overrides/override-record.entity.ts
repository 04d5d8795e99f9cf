import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OverrideKind =
  | 'pin'
  | 'unpin'
  | 'forbid'
  | 'unforbid'
  | 'out-of-service'
  | 'in-service'
  | 'ad-hoc-task'
  | 'task-done'
  | 'task-cancelled'
  | 'flight-update';

/**
 * Audit of one dispatcher override: who (API key), what, when. No foreign keys: the record outlives the task or
 * vehicle it names, and deleting those must not wait on the audit.
 */
@Entity('dispatch_overrides')
@Index('IDX_dispatch_overrides_site_at', ['siteId', 'at'])
export class OverrideRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_dispatch_overrides' })
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'text' })
  kind!: OverrideKind;

  @Column({ type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  vehicleId!: string | null;

  /** What changed, e.g. { vehicle: 'BUS-07', flightRef: 'CZ3101-A1' } or { reason }. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  /** null for the bootstrap admin token, which has no key row. */
  @Column({ type: 'uuid', nullable: true })
  apiKeyId!: string | null;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
