import { dayStartMs, isoDate, isoWeekday, parseIsoDate, parseSsimDate } from './calendar-dates';
import { FileError, FileWarning, ParsedSchedule, ScheduleBounds, ScheduledFlight } from './schedule-types';
import { itineraryChecks } from './ssim-itineraries';
import { flightKey } from '../flight-ref';
import { parseLegRecord, SsimLeg } from './ssim-leg-record';

const RECORD_COLUMNS = 200;
const MINUTE_MS = 60_000;

interface CarrierBlock {
  /** L: local times (with each station's UTC offset); U: UTC. */
  timeMode: 'L' | 'U';
  /** The period of schedule validity's end, for open periods (`00XXX00`). */
  validTo: number | null;
}

/**
 * IATA SSIM Chapter 7 (record types 1-5, 200 columns): expands every leg's period of operation (days of the week,
 * weekly or fortnightly) into flights at `bounds.station`. A file with any bad record yields errors and no flights.
 */
export function parseSsim(text: string, bounds: ScheduleBounds): ParsedSchedule {
  const errors: FileError[] = [];
  const legs: SsimLeg[] = [];
  const blocks = new Map<SsimLeg, CarrierBlock>();
  let block: CarrierBlock | null = null;
  let carrierSeen = false;
  const lines = text.split(/\r?\n/);
  lines.forEach((record, index) => {
    const line = index + 1;
    if (record.trim() === '' || /^0+$/.test(record)) return;
    if (record.length !== RECORD_COLUMNS) {
      errors.push({ line, column: 1, message: `record is ${record.length} columns; SSIM records are 200` });
      return;
    }
    const type = record[0];
    if (type === '2') {
      carrierSeen = true;
      block = carrierBlock(record, line, errors);
    } else if (type === '3') {
      // Legs under a bad carrier record: that record's error says it.
      if (!block && carrierSeen) return;
      if (!block) {
        errors.push({ line, column: 1, message: 'flight leg record before any carrier record (type 2)' });
        return;
      }
      const parsed = parseLegRecord(record, line);
      if (parsed.leg) {
        legs.push(parsed.leg);
        blocks.set(parsed.leg, block);
      } else errors.push(...parsed.errors);
    } else if (type !== '1' && type !== '4' && type !== '5') {
      errors.push({ line, column: 1, message: `record type "${type}" is not 1, 2, 3, 4 or 5` });
    }
  });
  if (!lines.some((record) => record[0] === '3') && errors.length === 0) {
    errors.push({ line: 1, column: 1, message: 'no flight leg records (type 3)' });
  }
  const from = bounds.from === undefined ? null : parseIsoDate(bounds.from);
  const to = bounds.to === undefined ? null : parseIsoDate(bounds.to);
  const itineraries = itineraryChecks(legs);
  errors.push(...itineraries.errors);
  if (errors.length > 0) return { flights: [], errors, warnings: [], range: null, carriers: [] };
  const expanded = expand(legs, blocks, bounds.station, from, to);
  return { ...expanded, warnings: [...itineraries.warnings, ...expanded.warnings] };
}

function carrierBlock(record: string, line: number, errors: FileError[]): CarrierBlock | null {
  const mode = record[1];
  if (mode !== 'L' && mode !== 'U') {
    errors.push({ line, column: 2, message: `time mode "${mode}" must be U (UTC) or L (local)` });
    return null;
  }
  return { timeMode: mode, validTo: parseSsimDate(record.slice(21, 28)) };
}

function expand(
  legs: SsimLeg[],
  blocks: Map<SsimLeg, CarrierBlock>,
  station: string,
  from: number | null,
  to: number | null,
): ParsedSchedule {
  const flights: ScheduledFlight[] = [];
  const warnings: FileWarning[] = [];
  const errors: FileError[] = [];
  const seen = new Map<string, number>();
  let first = Infinity;
  let last = -Infinity;
  const carriers = new Set<string>();
  for (const leg of legs) {
    const departs = leg.departureStation === station;
    const arrives = leg.arrivalStation === station;
    if (!departs && !arrives) continue;
    carriers.add(leg.carrier);
    const block = blocks.get(leg)!;
    const periodTo = leg.periodTo ?? block.validTo ?? to;
    if (periodTo === null) {
      errors.push({ line: leg.line, column: 22, message: 'open period of operation (00XXX00) needs ?to=YYYY-MM-DD' });
      continue;
    }
    const start = Math.max(leg.periodFrom, from ?? -Infinity);
    const end = Math.min(periodTo, to ?? Infinity);
    first = Math.min(first, start);
    last = Math.max(last, end);
    for (let day = start; day <= end; day++) {
      if (!leg.days.has(isoWeekday(day))) continue;
      if (leg.everyWeeks === 2 && Math.floor((day - leg.periodFrom) / 7) % 2 === 1) continue;
      for (const flight of legFlights(leg, block, day, departs, arrives)) {
        const key = flightKey(flight);
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          const message = `flight ${flight.carrier} ${flight.number} ${flight.direction} on ${flight.operatingDate} is also on line ${earlier}`;
          errors.push({ line: leg.line, column: 6, message });
          continue;
        }
        seen.set(key, leg.line);
        flights.push(flight);
      }
    }
  }
  if (errors.length > 0) return { flights: [], errors, warnings, range: null, carriers: [] };
  const range = first <= last ? { from: isoDate(first), to: isoDate(last) } : null;
  return { flights, errors, warnings, range, carriers: [...carriers].sort() };
}

function legFlights(
  leg: SsimLeg,
  block: CarrierBlock,
  day: number,
  departs: boolean,
  arrives: boolean,
): ScheduledFlight[] {
  const offsets =
    block.timeMode === 'L'
      ? { departure: leg.departureOffsetMinutes, arrival: leg.arrivalOffsetMinutes }
      : { departure: 0, arrival: 0 };
  const departureMs =
    dayStartMs(day + leg.departureDateVariation) + (leg.departureMinutes - offsets.departure) * MINUTE_MS;
  let arrivalMs =
    dayStartMs(day + (leg.arrivalDateVariation ?? leg.departureDateVariation)) +
    (leg.arrivalMinutes - offsets.arrival) * MINUTE_MS;
  // Blank arrival date variation (common in real files): the arrival is the first such time after the departure.
  while (leg.arrivalDateVariation === null && arrivalMs <= departureMs) arrivalMs += 1440 * MINUTE_MS;
  const base = {
    line: leg.line,
    carrier: leg.carrier,
    number: leg.number,
    operatingDate: isoDate(day),
    stand: null,
    passengers: null,
    aircraftType: leg.aircraftType,
    seats: leg.seats,
    serviceType: leg.serviceType,
  };
  const flights: ScheduledFlight[] = [];
  if (departs) flights.push({ ...base, direction: 'departure', scheduledTime: new Date(departureMs) });
  if (arrives) flights.push({ ...base, direction: 'arrival', scheduledTime: new Date(arrivalMs) });
  return flights;
}
