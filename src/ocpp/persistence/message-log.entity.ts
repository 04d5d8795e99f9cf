import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every OCPP-J frame in and out, as received or sent, kept for APRON_OCPP_LOG_RETENTION_HOURS. */
@Entity('ocpp_message_log')
@Index('IDX_ocpp_message_log_at', ['at'])
@Index('IDX_ocpp_message_log_cp_at', ['chargePointId', 'at'])
export class MessageLogRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_ocpp_message_log' })
  id!: string;

  @Column({ type: 'text' })
  chargePointId!: string;

  /** in (charger → CSMS) or out. */
  @Column({ type: 'text' })
  direction!: string;

  @Column({ type: 'text' })
  frame!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}

/** Charger reports kept as they came: security events, device reports, limits, firmware status, bad frames. */
@Entity('ocpp_charger_events')
@Index('IDX_ocpp_charger_events_cp_at', ['chargePointId', 'at'])
export class ChargerEventRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_ocpp_charger_events' })
  id!: string;

  @Column({ type: 'text' })
  chargePointId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}
