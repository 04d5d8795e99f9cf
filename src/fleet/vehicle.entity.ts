import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { numericTransformer } from '../database/column-transformers';
import { Site } from '../sites/site.entity';

@Entity('vehicles')
export class Vehicle {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_vehicles_siteId')
  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'siteId', foreignKeyConstraintName: 'FK_vehicles_site' })
  site?: Site;

  /** Painted on the vehicle, unique across the fleet (e.g. BUS-07); the scenario's vehicle id. */
  @Column({ type: 'text', unique: true })
  fleetNumber!: string;

  /** Matched against a task's vehicleType (apron-bus, baggage-tractor, ...). */
  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'numeric', transformer: numericTransformer })
  batteryKwh!: number;

  @Column({ type: 'numeric', transformer: numericTransformer, default: 20 })
  minSocPercent!: number;

  @Column({ type: 'numeric', transformer: numericTransformer, default: 100 })
  maxSocPercent!: number;

  @Column({ type: 'numeric', transformer: numericTransformer })
  maxChargeKw!: number;

  @Column({ type: 'numeric', transformer: numericTransformer, default: 1 })
  chargeEfficiency!: number;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  consumptionKwhPerKm!: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  consumptionKwhPerTask!: number | null;

  /** Standby drain while not on a task (cabin climate, telematics), taken off the SoC estimate between readings. */
  @Column({ type: 'numeric', transformer: numericTransformer, default: 0 })
  idleDrainKwhPerHour!: number;

  /** The RFID idTag (1.6) / idToken (2.0.1) the vehicle presents at chargers. */
  @Column({ type: 'text', nullable: true, unique: true })
  idTag!: string | null;

  @Column({ type: 'integer', default: 5 })
  turnaroundMinutes!: number;

  @Column({ type: 'boolean', default: true })
  inService!: boolean;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
