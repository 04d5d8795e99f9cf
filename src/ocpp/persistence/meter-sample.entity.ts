import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The meter time series: one row per MeterValue element, written in batches (meter-sample.writer.ts). */
@Entity('ocpp_meter_samples')
@Index('IDX_ocpp_meter_samples_session_at', ['sessionId', 'sampledAt'])
@Index('IDX_ocpp_meter_samples_cp_at', ['chargePointId', 'sampledAt'])
// One row per reading: charger, COALESCE(EVSE, -1), time, COALESCE(context, ''); an expression index, kept by migration.
@Index('UQ_ocpp_meter_samples_reading', { synchronize: false })
export class MeterSampleRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_ocpp_meter_samples' })
  id!: string;

  @Column({ type: 'text' })
  chargePointId!: string;

  @Column({ type: 'integer', nullable: true })
  evseId!: number | null;

  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @Column({ type: 'timestamptz' })
  sampledAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'text', nullable: true })
  context!: string | null;

  @Column({ type: 'double precision', nullable: true })
  energyWh!: number | null;

  @Column({ type: 'double precision', nullable: true })
  energyExportWh!: number | null;

  @Column({ type: 'double precision', nullable: true })
  powerW!: number | null;

  @Column({ type: 'double precision', nullable: true })
  powerOfferedW!: number | null;

  @Column({ type: 'double precision', nullable: true })
  socPercent!: number | null;

  @Column({ type: 'double precision', nullable: true })
  currentA!: number | null;

  @Column({ type: 'double precision', nullable: true })
  currentOfferedA!: number | null;

  @Column({ type: 'double precision', nullable: true })
  voltageV!: number | null;

  /** Why the sample was kept out of energy totals and SoC (sample-plausibility.ts); null for a plausible one. */
  @Column({ type: 'text', nullable: true })
  implausible!: string | null;
}
