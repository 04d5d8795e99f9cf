import type { FlightDirection } from './schedule/schedule-types';

interface FlightKey {
  carrier: string;
  number: string;
  /** YYYY-MM-DD */
  operatingDate: string;
  direction: FlightDirection;
}

/**
 * A flight's identity (DESIGN.md §8: carrier, number, operating date, direction) as a map key, `CZ|3101|2026-12-08|
 * arrival`; the flights repository builds the same string in SQL (`concat_ws('|', …)`).
 */
export function flightKey(flight: FlightKey): string {
  return `${flight.carrier}|${flight.number}|${flight.operatingDate}|${flight.direction}`;
}

/** The task's flightRef (DESIGN.md §8): flight, operating date and A/D, unique per site (e.g. CZ3101-20261208-A). */
export function flightTaskRef(flight: FlightKey): string {
  const date = flight.operatingDate.replaceAll('-', '');
  return `${flight.carrier}${flight.number}-${date}-${flight.direction === 'arrival' ? 'A' : 'D'}`;
}

export function flightName(flight: Pick<FlightKey, 'carrier' | 'number'>): string {
  return `${flight.carrier}${flight.number}`;
}
