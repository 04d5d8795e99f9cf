import type { StandInfo } from '@apron/flights';
import type { DayFlight, FlightDayTask } from '../../../libs/simulator/src/scenarios/flight-day';
/** What the demo generates for a site before seeding it through the admin API. */
export type DemoProtocol = 'ocpp1.6' | 'ocpp2.0.1';

export interface DemoCharger {
  chargePointId: string;
  protocol: DemoProtocol;
  /** One entry per connector: its maximum, kW. */
  connectorKw: number[];
  /** The charger's own maximum over all connectors, kW. */
  maxKw: number;
}

export interface DemoBus {
  fleetNumber: string;
  idTag: string;
  batteryKwh: number;
  socPercent: number;
  maxChargeKw: number;
}

/** The demo airport's tasks, flights and stands are a generated flight day's (libs/simulator, flight-day). */
export type DemoTask = FlightDayTask;
export type DemoFlight = DayFlight;
export type DemoStand = StandInfo;

export interface DemoEv {
  idTag: string;
  arrival: Date;
  /** The driver leaves at this time, or earlier once the target SoC is reached. */
  departure: Date;
  batteryKwh: number;
  socPercent: number;
  targetSocPercent: number;
  maxKw: number;
  /** Tells the charger its departure and target (ISO 15118); only 2.0.1 chargers pass that on. */
  iso15118: boolean;
}

export interface AirportDemoSite {
  /** The admin API's site body. */
  site: Record<string, unknown>;
  /** Buses leave for the stand this long before a task starts; the site body says the same (departureLeadMinutes). */
  departLeadMinutes: number;
  chargers: DemoCharger[];
  buses: DemoBus[];
  /** The stand table, the flights (published as an SSIM file plus a live feed) and the tasks they make. */
  stands: DemoStand[];
  flights: DemoFlight[];
  tasks: DemoTask[];
}

export interface HighwayDemoSite {
  site: Record<string, unknown>;
  chargers: DemoCharger[];
  evs: DemoEv[];
}
