/**
 * A Guangzhou remote-stand airport's day as flights (DESIGN.md §8): arrivals and departures at CAN with stands and
 * passengers, a live feed of delays and stand changes during the day, and the transfer tasks the service derives from
 * them by its own rules (libs/flights). Used by the demo and by `npm run evaluate`. Deterministic for a seed.
 */
import {
  DEFAULT_FLIGHT_RULES,
  DEFAULT_SEATS_BY_AIRCRAFT_TYPE,
  FlightFacts,
  FlightRules,
  flightTask,
  flightTaskRef,
  StandInfo,
} from '@apron/flights';
import { SeededRandom } from '../random';
import { DayFlight, FlightDayTask } from './flight-day.types';
import { drawByLocalHour, GUANGDONG_UTC_OFFSET_MS, shareOfDay } from './local-hours';

const MINUTE_MS = 60_000;
const AIRLINES = ['CZ', 'CZ', 'CZ', 'CZ', 'MU', 'HU', 'ZH', '3U', 'CA'];
/** Mostly narrow-bodies, as at a remote stand; now and then a wide-body needing three buses. */
const AIRCRAFT = ['320', '320', '320', '738', '738', '73H', '321', '319', '333', '789'];
/** Drive per km, and air conditioning and waiting at the stand per minute. */
const KWH_PER_KM = 1.3;
const KWH_PER_MINUTE = 0.25;
/** Live updates come this long before the flight's in-/off-block time. */
const FEED_LEAD_MINUTES = 90;

/** Flights per local hour at CAN: red-eyes at night, a morning wave 07–10, a steady day, an evening wave 18–21. */
export function guangzhouFlightsPerLocalHour(hour: number): number {
  if (hour >= 7 && hour < 10) return 1.6;
  if (hour >= 18 && hour < 21) return 1.6;
  if (hour >= 6 && hour < 24) return 1.2;
  if (hour < 1) return 0.6;
  return 0.15;
}

/** 30 remote stands 4–10 bus minutes out and 12 contact stands. */
export function generateStands(random: SeededRandom): StandInfo[] {
  const remote = Array.from({ length: 30 }, (_, s) => {
    const busMinutesOneWay = random.integer(4, 10);
    return {
      id: `R${201 + s}`,
      kind: 'remote' as const,
      busMinutesOneWay,
      distanceKmOneWay: Math.round(busMinutesOneWay * random.between(0.3, 0.45) * 10) / 10,
    };
  });
  const contact = Array.from({ length: 12 }, (_, s) => ({
    id: `C${String(s + 1).padStart(2, '0')}`,
    kind: 'contact' as const,
    busMinutesOneWay: 0,
    distanceKmOneWay: 0,
  }));
  return [...remote, ...contact];
}

/** Flights whose buses work from `fromMs` to `untilMs`, `perDay` a day by the hour weights. */
export function generateFlights(
  random: SeededRandom,
  stands: StandInfo[],
  fromMs: number,
  untilMs: number,
  perDay: number,
  flightsPerHour: (hour: number) => number,
  feedFromMs: number,
): DayFlight[] {
  const remote = stands.filter((stand) => stand.kind === 'remote');
  const contact = stands.filter((stand) => stand.kind === 'contact');
  const count = Math.round(perDay * shareOfDay(fromMs, untilMs, flightsPerHour));
  const flights = Array.from({ length: count }, (_, k): DayFlight => {
    const direction = random.chance(0.5) ? 'arrival' : 'departure';
    // Late enough that the buses' work starts after `fromMs`: up to 15 min before in-block, 38 before off-block.
    const earliestMs = fromMs + (direction === 'arrival' ? 15 : 40) * MINUTE_MS;
    const milestoneMs = drawByLocalHour(() => random.next(), earliestMs, untilMs - 45 * MINUTE_MS, flightsPerHour);
    const scheduledTime = new Date(Math.floor(milestoneMs / (5 * MINUTE_MS)) * 5 * MINUTE_MS);
    const atContact = random.chance(0.15);
    const stand = (atContact ? contact : remote)[random.integer(0, (atContact ? contact : remote).length - 1)].id;
    const aircraftType = AIRCRAFT[random.integer(0, AIRCRAFT.length - 1)];
    const seats = DEFAULT_SEATS_BY_AIRCRAFT_TYPE[aircraftType];
    const flight: DayFlight = {
      carrier: AIRLINES[random.integer(0, AIRLINES.length - 1)],
      number: String(3001 + k),
      operatingDate: '',
      direction,
      scheduledTime,
      stand,
      passengers: Math.round(seats * random.between(0.3, 0.55)),
      aircraftType,
      update: null,
    };
    flight.operatingDate = operatingDate(flight);
    const feedAtMs = scheduledTime.getTime() - FEED_LEAD_MINUTES * MINUTE_MS;
    if (feedAtMs < feedFromMs) return flight;
    if (random.chance(0.3)) flight.update = { at: new Date(feedAtMs), delayMinutes: random.integer(2, 12) * 5 };
    if (random.chance(0.1)) {
      const to = random.chance(0.5) ? remote : contact;
      flight.update = {
        at: new Date(feedAtMs),
        delayMinutes: flight.update?.delayMinutes ?? 0,
        stand: to[random.integer(0, to.length - 1)].id,
      };
    }
    return flight;
  });
  return flights.sort((a, b) => a.scheduledTime.getTime() - b.scheduledTime.getTime());
}

/** SSIM's flight date: the local date the flight leaves its origin (2.5 h before arrival for arrivals). */
function operatingDate(flight: Pick<DayFlight, 'direction' | 'scheduledTime'>): string {
  const departureMs = flight.scheduledTime.getTime() - (flight.direction === 'arrival' ? 150 * MINUTE_MS : 0);
  return new Date(departureMs + GUANGDONG_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** A flight as the airport knows it by the time its buses go: the schedule's leg with the feed's updates applied. */
export interface KnownFlight extends FlightFacts {
  carrier: string;
  number: string;
  operatingDate: string;
}

/** What the airport's feed adds to a flight's schedule by the time its buses go: its delay, stand and passengers. */
export function fedFacts(
  flight: DayFlight,
  scheduledTime: Date,
): Pick<KnownFlight, 'estimatedTime' | 'stand' | 'passengers'> {
  const delayMinutes = flight.update?.delayMinutes ?? 0;
  return {
    estimatedTime: delayMinutes > 0 ? new Date(scheduledTime.getTime() + delayMinutes * MINUTE_MS) : null,
    stand: flight.update?.stand ?? flight.stand,
    passengers: flight.passengers,
  };
}

/** Each generated flight with its live update applied (stand change, delay as an estimated time). */
export function knownFlights(flights: DayFlight[]): KnownFlight[] {
  return flights.map((flight) => ({
    carrier: flight.carrier,
    number: flight.number,
    operatingDate: flight.operatingDate,
    direction: flight.direction,
    scheduledTime: flight.scheduledTime,
    ...fedFacts(flight, flight.scheduledTime),
    actualTime: null,
    aircraftType: flight.aircraftType,
    seats: null,
    serviceType: 'J',
    status: 'scheduled',
  }));
}

/**
 * The tasks the service derives from the flights (its own rules, libs/flights), each with the energy a learned
 * consumption predicts (drive per km, A/C and waiting per minute) and what a bus really uses (−10 % to +15 %).
 */
export function tasksOfFlights(
  flights: KnownFlight[],
  stands: StandInfo[],
  random: SeededRandom,
  rules: FlightRules = DEFAULT_FLIGHT_RULES,
): FlightDayTask[] {
  const table = new Map<string, StandInfo>(stands.map((stand) => [stand.id, stand]));
  const tasks: FlightDayTask[] = [];
  for (const flight of flights) {
    const decision = flightTask(flight, table, rules);
    if (!decision.task) continue;
    const { startsAt, endsAt, distanceKm, vehiclesNeeded } = decision.task;
    const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE_MS;
    const energyKwh = distanceKm * KWH_PER_KM + minutes * KWH_PER_MINUTE;
    tasks.push({
      flightRef: flightTaskRef(flight),
      start: startsAt,
      end: endsAt,
      vehiclesNeeded,
      distanceKm,
      energyKwhPerVehicle: Math.round(energyKwh * 10) / 10,
      actualEnergyKwhPerVehicle: Math.round(energyKwh * random.between(0.9, 1.15) * 10) / 10,
    });
  }
  return tasks.sort((a, b) => a.start.getTime() - b.start.getTime() || a.flightRef.localeCompare(b.flightRef));
}
