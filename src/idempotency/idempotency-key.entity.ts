import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key a client sent on a create: while `status` is null the first request is still running; after it,
 * the answer to replay. Scoped per API key; kept 24 h (IDEMPOTENCY_KEY_TTL_MS).
 */
@Entity('idempotency_keys')
@Index('IDX_idempotency_keys_createdAt', ['createdAt'])
export class IdempotencyKeyRow {
  /** The API key's id, or `bootstrap` for the APRON_ADMIN_TOKEN. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_idempotency_keys' })
  scope!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_idempotency_keys' })
  key!: string;

  /** SHA-256 of method, path and body: the same key with another request is refused. */
  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  body!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
