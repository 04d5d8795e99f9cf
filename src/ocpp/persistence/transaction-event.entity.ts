import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 2.0.1 TransactionEvents seen per session: the primary key drops a repeated seqNo (E01–E07 retries). */
@Entity('ocpp_transaction_events')
export class TransactionEventRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ocpp_transaction_events' })
  sessionId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_ocpp_transaction_events' })
  seqNo!: number;

  @Column({ type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  triggerReason!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'boolean', default: false })
  offline!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
