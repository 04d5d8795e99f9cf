import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Site } from '../../sites/site.entity';
import type { FlightDirection } from '@apron/flights';

export type FlightStatus = 'scheduled' | 'cancelled';
export const FLIGHT_STATUSES: readonly FlightStatus[] = ['scheduled', 'cancelled'];
/** Where the flight's schedule came from: a schedule file, or a live update that named an unknown flight. */
export type FlightSource = 'schedule' | 'feed';

/** One flight at a site on one operating date (§8): the key is carrier, number, operating date and direction. */
@Entity('flights')
@Unique('UQ_flights_key', ['siteId', 'carrier', 'number', 'operatingDate', 'direction'])
@Index('IDX_flights_site_scheduled', ['siteId', 'scheduledTime'])
export class Flight {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_flights' })
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @ManyToOne(() => Site, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'siteId', foreignKeyConstraintName: 'FK_flights_site' })
  site?: Site;

  @Column({ type: 'text' })
  carrier!: string;

  @Column({ type: 'text' })
  number!: string;

  /** YYYY-MM-DD. */
  @Column({ type: 'date' })
  operatingDate!: string;

  @Column({ type: 'text' })
  direction!: FlightDirection;

  /** STA (in-block) for arrivals, STD (off-block) for departures. */
  @Column({ type: 'timestamptz' })
  scheduledTime!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  estimatedTime!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  actualTime!: Date | null;

  @Column({ type: 'text', nullable: true })
  stand!: string | null;

  @Column({ type: 'integer', nullable: true })
  passengers!: number | null;

  @Column({ type: 'text', nullable: true })
  aircraftType!: string | null;

  /** Seats of the aircraft configuration a schedule file stated. */
  @Column({ type: 'integer', nullable: true })
  seats!: number | null;

  /** SSIM service type (J, G, C, F, ...); null when the source did not say. */
  @Column({ type: 'text', nullable: true })
  serviceType!: string | null;

  @Column({ type: 'text', default: 'scheduled' })
  status!: FlightStatus;

  @Column({ type: 'text' })
  source!: FlightSource;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
