import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per charge point id that ever connected (registered or held Pending): connection and boot state. */
@Entity('ocpp_charger_state')
export class ChargerStateRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_ocpp_charger_state' })
  chargePointId!: string;

  /** The registered charger; null while an unknown charge point is held Pending. */
  @Column({ type: 'uuid', nullable: true })
  chargerId!: string | null;

  @Column({ type: 'boolean', default: false })
  online!: boolean;

  @Column({ type: 'text', nullable: true })
  ocppVersion!: string | null;

  /** The last BootNotification answer: Accepted, Pending or Rejected. */
  @Column({ type: 'text', nullable: true })
  bootStatus!: string | null;

  @Column({ type: 'text', nullable: true })
  vendor!: string | null;

  @Column({ type: 'text', nullable: true })
  model!: string | null;

  @Column({ type: 'text', nullable: true })
  serialNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  firmwareVersion!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  bootedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  connectedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  disconnectedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;
}
