import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A telematics report as received; the primary key makes a resent reading a no-op. */
@Entity('fleet_telemetry_readings')
export class TelemetryReadingRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fleet_telemetry_readings' })
  vehicleId!: string;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'PK_fleet_telemetry_readings' })
  at!: Date;

  @Column({ type: 'double precision', nullable: true })
  socPercent!: number | null;

  @Column({ type: 'double precision', nullable: true })
  odometerKm!: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'text', nullable: true })
  state!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
