import { isoDate, parseIsoDate } from './calendar-dates';
import { flightKey } from '../flight-ref';
import {
  FileError,
  FLIGHT_DIRECTIONS,
  FlightDirection,
  ParsedSchedule,
  ScheduleBounds,
  ScheduledFlight,
} from './schedule-types';

/** DESIGN.md §8: header row required, order free, extra columns ignored; stand, passengers, aircraftType may be empty. */
export const CSV_COLUMNS = [
  'carrier',
  'number',
  'operatingDate',
  'direction',
  'scheduledTime',
  'stand',
  'passengers',
  'aircraftType',
] as const;
const REQUIRED = ['carrier', 'number', 'operatingDate', 'direction', 'scheduledTime'];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/** A flight schedule as CSV; every bad cell is reported with its line and 1-based column. */
export function parseFlightCsv(text: string, bounds: ScheduleBounds): ParsedSchedule {
  const lines = text.split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((name) => name.trim());
  const index = new Map(header.map((name, position) => [name, position]));
  const missing = REQUIRED.filter((name) => !index.has(name));
  if (missing.length > 0) {
    const message = `header misses column(s) ${missing.join(', ')}; expected ${CSV_COLUMNS.join(',')}`;
    return { flights: [], errors: [{ line: 1, column: 1, message }], warnings: [], range: null, carriers: [] };
  }
  const errors: FileError[] = [];
  const flights: ScheduledFlight[] = [];
  const seen = new Map<string, number>();
  const from = bounds.from === undefined ? -Infinity : parseIsoDate(bounds.from)!;
  const to = bounds.to === undefined ? Infinity : parseIsoDate(bounds.to)!;
  let first = Infinity;
  let last = -Infinity;
  for (let row = 1; row < lines.length; row++) {
    if (lines[row].trim() === '') continue;
    const line = row + 1;
    const cells = splitCsvLine(lines[row]);
    const cell = (name: string) => (cells[index.get(name) ?? -1] ?? '').trim();
    const fail = (name: string, message: string) =>
      errors.push({ line, column: (index.get(name) ?? 0) + 1, message: `${name} ${message}` });
    const flight = readRow(cell, fail, line);
    if (!flight) continue;
    const day = parseIsoDate(flight.operatingDate)!;
    if (day < from || day > to) continue;
    const fromDateMs = flight.scheduledTime.getTime() - day * DAY_MS;
    if (fromDateMs < -DAY_MS || fromDateMs > 3 * DAY_MS) {
      fail('scheduledTime', `is not within a day of operatingDate ${flight.operatingDate}`);
      continue;
    }
    const key = flightKey(flight);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ line, column: 1, message: `flight ${key.replaceAll('|', ' ')} is also on line ${earlier}` });
      continue;
    }
    seen.set(key, line);
    first = Math.min(first, day);
    last = Math.max(last, day);
    flights.push(flight);
  }
  if (errors.length > 0) return { flights: [], errors, warnings: [], range: null, carriers: [] };
  const range = first <= last ? { from: isoDate(first), to: isoDate(last) } : null;
  const carriers = [...new Set(flights.map((flight) => flight.carrier))].sort();
  return { flights, errors, warnings: [], range, carriers };
}

function readRow(
  cell: (name: string) => string,
  fail: (name: string, message: string) => void,
  line: number,
): ScheduledFlight | null {
  let ok = true;
  const bad = (name: string, message: string) => {
    ok = false;
    fail(name, message);
  };
  const carrier = cell('carrier');
  if (!/^[A-Z0-9]{2,3}$/.test(carrier)) bad('carrier', `"${carrier}" is not a 2-3 character airline code`);
  const number = cell('number').replace(/^0+(?=\d)/, '');
  if (!/^\d{1,4}[A-Z]?$/.test(number))
    bad('number', `"${cell('number')}" is not a flight number (1-4 digits, optional suffix)`);
  const operatingDate = cell('operatingDate');
  if (parseIsoDate(operatingDate) === null) bad('operatingDate', `"${operatingDate}" is not a date YYYY-MM-DD`);
  const direction = cell('direction');
  if (!FLIGHT_DIRECTIONS.includes(direction as FlightDirection))
    bad('direction', `"${direction}" must be arrival or departure`);
  const time = cell('scheduledTime');
  if (!INSTANT.test(time) || Number.isNaN(Date.parse(time))) {
    bad('scheduledTime', `"${time}" is not an ISO-8601 date-time with an offset`);
  }
  const passengersText = cell('passengers');
  const passengers = passengersText === '' ? null : Number(passengersText);
  if (passengers !== null && (!Number.isInteger(passengers) || passengers < 0 || passengers > 1000)) {
    bad('passengers', `"${passengersText}" is not a whole number from 0 to 1000`);
  }
  const stand = cell('stand');
  if (stand.length > 16) bad('stand', 'is longer than 16 characters');
  const aircraftType = cell('aircraftType');
  if (aircraftType.length > 8) bad('aircraftType', 'is longer than 8 characters');
  if (!ok) return null;
  return {
    line,
    carrier,
    number,
    operatingDate,
    direction: direction as FlightDirection,
    scheduledTime: new Date(time),
    stand: stand === '' ? null : stand,
    passengers,
    aircraftType: aircraftType === '' ? null : aircraftType,
    seats: null,
    serviceType: null,
  };
}

/** One CSV line (RFC 4180 quotes; a quoted field holds no line break here). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells;
}
