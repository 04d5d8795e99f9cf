import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SessionLinkSource = 'id-tag' | 'evccid' | 'manual';

/**
 * What fleet state knows of an OCPP session (keyed on the gateway's session id): where it is, which vehicle it
 * charges and how it was linked, and the last meter register counted into that vehicle's estimator.
 */
@Entity('fleet_sessions')
@Index('IDX_fleet_sessions_vehicle', ['vehicleId', 'startedAt'])
@Index('IDX_fleet_sessions_cp_open', ['chargePointId', 'endedAt'])
export class FleetSessionRow {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_fleet_sessions' })
  sessionId!: string;

  @Column({ type: 'text' })
  chargePointId!: string;

  @Column({ type: 'uuid', nullable: true })
  siteId!: string | null;

  @Column({ type: 'integer', nullable: true })
  evseId!: number | null;

  @Column({ type: 'text', nullable: true })
  idTag!: string | null;

  @Column({ type: 'uuid', nullable: true })
  vehicleId!: string | null;

  @Column({ type: 'text', nullable: true })
  linkSource!: SessionLinkSource | null;

  /** An idTag no fleet vehicle presents, let in by the site's unknownIdTagPolicy (or refused by it). */
  @Column({ type: 'boolean', default: false })
  nonFleet!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'double precision', nullable: true })
  lastRegisterWh!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastRegisterAt!: Date | null;
}
