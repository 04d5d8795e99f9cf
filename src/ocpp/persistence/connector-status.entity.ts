import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The latest status of each connector (2.0.1 EVSE + connector; 1.6 connector N is EVSE N, connector 1). */
@Entity('ocpp_connector_status')
export class ConnectorStatusRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_ocpp_connector_status' })
  chargePointId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_ocpp_connector_status' })
  evseId!: number;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_ocpp_connector_status' })
  connectorId!: number;

  /** Version-neutral: Available, Occupied, Reserved, Unavailable, Faulted. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  chargingState!: string | null;

  /** The version's own value, e.g. 1.6 SuspendedEV. */
  @Column({ type: 'text' })
  rawStatus!: string;

  @Column({ type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}

/** Every status report, in the charger's time order. */
@Entity('ocpp_connector_status_history')
@Index('IDX_ocpp_connector_status_history_cp_at', ['chargePointId', 'at'])
export class ConnectorStatusHistoryRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_ocpp_connector_status_history' })
  id!: string;

  @Column({ type: 'text' })
  chargePointId!: string;

  @Column({ type: 'integer' })
  evseId!: number;

  @Column({ type: 'integer' })
  connectorId!: number;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  chargingState!: string | null;

  @Column({ type: 'text' })
  rawStatus!: string;

  @Column({ type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
