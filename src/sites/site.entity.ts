import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { numericTransformer } from '../database/column-transformers';

export type SiteKind = 'airport' | 'highway';
export const SITE_KINDS: readonly SiteKind[] = ['airport', 'highway'];
export type TouBand = 'peak' | 'flat' | 'valley';
export const TOU_BANDS: readonly TouBand[] = ['peak', 'flat', 'valley'];
export type UnknownChargerPolicy = 'reject' | 'pending';
export type UnknownIdTagPolicy = 'accept' | 'reject';

/** A price that holds from `from` until the next step (scenario `pricePerKwh`). */
export interface PriceStep {
  from: string;
  pricePerKwh: number;
}

/** A recurring time-of-use window in the site's local time; `endLocal` may wrap past midnight. */
export interface TimeOfUseRule {
  band: TouBand;
  startLocal: string;
  endLocal: string;
  pricePerKwh: number;
  /** ISO weekdays 1 (Monday) to 7; empty or absent means every day. */
  weekdays?: number[];
}

export interface Tariff {
  currency: string;
  steps: PriceStep[];
  timeOfUse: TimeOfUseRule[];
}

@Entity('sites')
export class Site {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Short operator code, also the scenario's `site.id` (e.g. CAN-T2-depot). */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: SiteKind;

  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'numeric', transformer: numericTransformer })
  gridLimitKw!: number;

  @Column({ type: 'numeric', transformer: numericTransformer, default: 0 })
  baseLoadKw!: number;

  @Column({ type: 'numeric', transformer: numericTransformer, default: 0 })
  demandChargePerKw!: number;

  @Column({ type: 'jsonb' })
  tariff!: Tariff;

  @Column({ type: 'text', default: 'reject' })
  unknownChargerPolicy!: UnknownChargerPolicy;

  @Column({ type: 'text', default: 'reject' })
  unknownIdTagPolicy!: UnknownIdTagPolicy;

  /** Overrides APRON_TICK_SECONDS for this site when set. */
  @Column({ type: 'integer', nullable: true })
  tickSeconds!: number | null;

  /** Minutes before a task's start that its vehicles leave the depot (pull-out); no charging then. */
  @Column({ type: 'integer', default: 0 })
  departureLeadMinutes!: number;

  // Flight rules (DESIGN.md §8; libs/flights/src/rules/flight-task-rules.ts says how tasks follow from them).

  /** The airport's IATA code: schedule legs departing from or arriving at it become the site's flights. */
  @Column({ type: 'text', nullable: true })
  iataCode!: string | null;

  /** The vehicle type of the tasks derived from flights. */
  @Column({ type: 'text', default: 'apron-bus' })
  busVehicleType!: string;

  @Column({ type: 'integer', default: 80 })
  busCapacityPassengers!: number;

  /** Share of the seats taken on flights without a passenger count. */
  @Column({ type: 'numeric', transformer: numericTransformer, default: () => '0.85' })
  loadFactor!: number;

  /** Seats by IATA aircraft type; null = the built-in table (DEFAULT_SEATS_BY_AIRCRAFT_TYPE). */
  @Column({ type: 'jsonb', nullable: true })
  seatsByAircraftType!: Record<string, number> | null;

  /** Arrival buses are at the stand this many minutes before in-block. */
  @Column({ type: 'integer', default: 5 })
  arrivalBusLeadMinutes!: number;

  /** Departure boarding buses leave the gate this many minutes before off-block. */
  @Column({ type: 'integer', default: 30 })
  departureBusLeadMinutes!: number;

  @Column({ type: 'integer', default: 8 })
  loadingMinutes!: number;

  @Column({ type: 'integer', default: 4 })
  unloadingMinutes!: number;

  /** How flights at a stand the stand table does not list (or at no stand) are planned. */
  @Column({ type: 'text', default: 'remote' })
  defaultStandKind!: 'remote' | 'contact';

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
