import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SocHistorySource = 'charger' | 'telematics' | 'energy' | 'task';

/** The estimate right after an input was fused: one point per (vehicle, time, source). */
@Entity('fleet_soc_history')
export class SocHistoryRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fleet_soc_history' })
  vehicleId!: string;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'PK_fleet_soc_history' })
  at!: Date;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_fleet_soc_history' })
  source!: SocHistorySource;

  @Column({ type: 'double precision' })
  socPercent!: number;

  @Column({ type: 'double precision' })
  uncertaintyPercent!: number;

  /** The direct reading itself, for charger and telematics points. */
  @Column({ type: 'double precision', nullable: true })
  readingPercent!: number | null;
}
