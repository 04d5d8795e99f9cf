/** What the schedule parsers produce: plain values, no NestJS or TypeORM (pure, unit-tested in milliseconds). */

export type FlightDirection = 'arrival' | 'departure';
export const FLIGHT_DIRECTIONS: readonly FlightDirection[] = ['arrival', 'departure'];

/** One flight at the site on one operating date, as a schedule file states it. */
export interface ScheduledFlight {
  /** 1-based line of the file the flight came from. */
  line: number;
  carrier: string;
  /** Flight number without leading zeros, with the SSIM operational suffix when there is one (e.g. `777A`). */
  number: string;
  /** YYYY-MM-DD: the flight's date (SSIM: the date of its first leg, in the file's time mode). */
  operatingDate: string;
  direction: FlightDirection;
  /** STA (in-block) for arrivals, STD (off-block) for departures. */
  scheduledTime: Date;
  stand: string | null;
  passengers: number | null;
  aircraftType: string | null;
  /** Seats from the SSIM aircraft configuration, when the file gives one. */
  seats: number | null;
  /** SSIM service type (J scheduled passenger, F cargo, P positioning, ...); null from CSV. */
  serviceType: string | null;
}

/** A line that makes the whole file invalid; `column` is 1-based. */
export interface FileError {
  line: number;
  column: number;
  message: string;
}

/** Something imported with an assumption the operator should know about. */
export interface FileWarning {
  line: number;
  message: string;
}

export interface ParsedSchedule {
  flights: ScheduledFlight[];
  errors: FileError[];
  warnings: FileWarning[];
  /** The operating dates the file covers (after the from/to bounds); flights of the file's carriers in it that the file no longer has are cancelled. */
  range: { from: string; to: string } | null;
  carriers: string[];
}

export interface ScheduleBounds {
  /** The site's IATA code: only legs departing from or arriving at it become flights. */
  station: string;
  /** Inclusive YYYY-MM-DD bounds of the operating dates expanded. */
  from?: string;
  to?: string;
}
