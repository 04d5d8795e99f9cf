import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export type SessionLinkSource = 'id-tag' | 'evccid' | 'manual';

/**
 * One charging session (an OCPP transaction). Keyed on the charger and its transaction id: the id this CSMS assigned
 * (1.6) or the station's own (2.0.1, E01). Energy is counted from the meter register, so repeated readings add nothing.
 */
@Entity('ocpp_sessions')
@Unique('UQ_ocpp_sessions_cp_transaction', ['chargePointId', 'transactionId'])
@Unique('UQ_ocpp_sessions_cp_start_key', ['chargePointId', 'startKey'])
@Index('IDX_ocpp_sessions_site_started', ['siteId', 'startedAt'])
@Index('IDX_ocpp_sessions_cp_started', ['chargePointId', 'startedAt'])
export class SessionRow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_ocpp_sessions' })
  id!: string;

  @Column({ type: 'text' })
  chargePointId!: string;

  @Column({ type: 'uuid', nullable: true })
  chargerId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  siteId!: string | null;

  @Column({ type: 'text' })
  ocppVersion!: string;

  @Column({ type: 'text' })
  transactionId!: string;

  /** 1.6 only: connector|idTag|timestamp|meterStart, so a retried StartTransaction gets the same transaction id. */
  @Column({ type: 'text', nullable: true })
  startKey!: string | null;

  @Column({ type: 'integer', nullable: true })
  evseId!: number | null;

  @Column({ type: 'integer', nullable: true })
  connectorId!: number | null;

  @Column({ type: 'text', nullable: true })
  idTag!: string | null;

  /** The fleet vehicle this session charges: the one link of a session to a vehicle. */
  @Index('IDX_ocpp_sessions_vehicle')
  @Column({ type: 'uuid', nullable: true })
  vehicleId!: string | null;

  /** How the vehicle was found: its idTag, its ISO 15118 EVCCID, or a dispatcher's link. */
  @Column({ type: 'text', nullable: true })
  linkSource!: SessionLinkSource | null;

  @Column({ type: 'text', nullable: true })
  authorizationStatus!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ type: 'double precision', nullable: true })
  meterStartWh!: number | null;

  @Column({ type: 'double precision', nullable: true })
  meterStopWh!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lastRegisterWh!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastRegisterAt!: Date | null;

  @Column({ type: 'double precision', default: 0 })
  energyWh!: number;

  @Column({ type: 'integer', default: 0 })
  registerResets!: number;

  @Column({ type: 'double precision', nullable: true })
  lastSocPercent!: number | null;

  @Column({ type: 'text', nullable: true })
  chargingState!: string | null;

  @Column({ type: 'text', nullable: true })
  stopReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  lastSeqNo!: number | null;

  /** From 2.0.1 NotifyEVChargingNeeds (K15–K17). */
  @Column({ type: 'timestamptz', nullable: true })
  evDepartureAt!: Date | null;

  @Column({ type: 'double precision', nullable: true })
  evEnergyAmountWh!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  evChargingNeeds!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
