/**
 * A generated flight day as the airline's schedule file (IATA SSIM Chapter 7), and back: the file is what the demo
 * posts to the service, and what `npm run evaluate` reads its day from, through the service's own parser.
 */
import { flightKey, parseSsim, ssimFile, SsimLegSpec } from '@apron/flights';
import type { DayFlight } from './flight-day.types';
import { GUANGDONG_UTC_OFFSET_MS } from './local-hours';
import { fedFacts, KnownFlight } from './guangzhou-flights';

const MINUTE_MS = 60_000;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const OTHER_AIRPORTS = ['PEK', 'PVG', 'CTU', 'XIY', 'KMG', 'HGH', 'WUH', 'CKG'];
/** Generated flights take 2.5 h between CAN and the other airport (all UTC+8). */
const BLOCK_MINUTES = 150;
const STATION = 'CAN';

/** One leg record per flight, its period of operation the flight's own date (local times, UTC+8). */
export function flightDaySsim(flights: DayFlight[]): string {
  return ssimFile(
    'CZ',
    'L',
    flights.map((flight, index) => legOf(flight, OTHER_AIRPORTS[index % OTHER_AIRPORTS.length])),
  );
}

/**
 * The day's flights as the service knows them: the schedule file parsed by the service's parser (legs at CAN), then
 * the feed's stand plan, passenger counts and delays applied (SSIM carries none of those). Throws on a file the
 * service would reject.
 */
export function flightsFromSchedule(ssim: string, feed: DayFlight[]): KnownFlight[] {
  const parsed = parseSsim(ssim, { station: STATION });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(
      `the generated schedule has ${parsed.errors.length} error(s), e.g. line ${first.line}: ${first.message}`,
    );
  }
  const fed = new Map(feed.map((flight) => [flightKey(flight), flight]));
  return parsed.flights.map((scheduled): KnownFlight => {
    const flight = fed.get(flightKey(scheduled));
    if (!flight) throw new Error(`the schedule has ${flightKey(scheduled)}, which the day does not`);
    return {
      carrier: scheduled.carrier,
      number: scheduled.number,
      operatingDate: scheduled.operatingDate,
      direction: scheduled.direction,
      scheduledTime: scheduled.scheduledTime,
      ...fedFacts(flight, scheduled.scheduledTime),
      actualTime: null,
      aircraftType: scheduled.aircraftType,
      seats: scheduled.seats,
      serviceType: scheduled.serviceType,
      status: 'scheduled',
    };
  });
}

function legOf(flight: DayFlight, other: string): SsimLegSpec {
  const atCanMs = flight.scheduledTime.getTime();
  const departureMs = flight.direction === 'arrival' ? atCanMs - BLOCK_MINUTES * MINUTE_MS : atCanMs;
  const arrivalMs = departureMs + BLOCK_MINUTES * MINUTE_MS;
  const date = ssimDate(flight.operatingDate);
  const weekday = ((new Date(`${flight.operatingDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const arrivalVariation = localDay(arrivalMs) - localDay(departureMs);
  return {
    carrier: flight.carrier,
    number: Number(flight.number),
    periodFrom: date,
    periodTo: date,
    days: ' '.repeat(weekday - 1) + String(weekday),
    from: flight.direction === 'arrival' ? other : STATION,
    departure: localClock(departureMs),
    departureOffset: '+0800',
    to: flight.direction === 'arrival' ? STATION : other,
    arrival: localClock(arrivalMs),
    arrivalOffset: '+0800',
    aircraftType: flight.aircraftType,
    arrivalDateVariation: String(arrivalVariation),
  };
}

function localDay(ms: number): number {
  return Math.floor((ms + GUANGDONG_UTC_OFFSET_MS) / (1440 * MINUTE_MS));
}

function localClock(ms: number): string {
  return new Date(ms + GUANGDONG_UTC_OFFSET_MS).toISOString().slice(11, 16).replace(':', '');
}

function ssimDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}${MONTHS[Number(isoDate.slice(5, 7)) - 1]}${isoDate.slice(2, 4)}`;
}
