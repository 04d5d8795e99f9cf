import type { FlightDirection } from '@apron/flights';

/** A generated flight at CAN, with the live update the airport's feed sends for it (null: none). */
export interface DayFlight {
  carrier: string;
  number: string;
  /** YYYY-MM-DD, the local date it leaves its origin (SSIM's flight date). */
  operatingDate: string;
  direction: FlightDirection;
  /** STA at CAN for arrivals, STD from CAN for departures. */
  scheduledTime: Date;
  stand: string;
  passengers: number;
  aircraftType: string;
  update: { at: Date; delayMinutes: number; stand?: string } | null;
}

/** A transfer task as the service derives it from a flight, with what a bus really uses on it. */
export interface FlightDayTask {
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
