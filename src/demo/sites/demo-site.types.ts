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

export interface DemoTask {
  flightRef: string;
  start: Date;
  end: Date;
  vehiclesNeeded: number;
  distanceKm: number;
  /** What the service is told each bus will use. */
  energyKwhPerVehicle: number;
  /** What a bus really uses (traffic, air conditioning, waiting at the stand). */
  actualEnergyKwhPerVehicle: number;
}

/** A flight at the demo airport, with the live update the feed will send for it (null: none). */
export interface DemoFlight {
  carrier: string;
  number: string;
  /** YYYY-MM-DD, the local date it leaves its origin (SSIM's flight date). */
  operatingDate: string;
  direction: 'arrival' | 'departure';
  /** STA at CAN for arrivals, STD from CAN for departures. */
  scheduledTime: Date;
  stand: string;
  passengers: number;
  aircraftType: string;
  update: { at: Date; delayMinutes: number; stand?: string } | null;
}

export interface DemoStand {
  id: string;
  kind: 'remote' | 'contact';
  busMinutesOneWay: number;
  distanceKmOneWay: number;
}

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
