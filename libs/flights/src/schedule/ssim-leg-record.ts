import { FileError } from './schedule-types';
import { parseSsimDate } from './calendar-dates';

/** SSIM Chapter 7 record type 3 (flight leg), columns 1-based as in the standard. */
export interface SsimLeg {
  line: number;
  carrier: string;
  /** Flight number without leading zeros, plus the operational suffix (column 2) when present. */
  number: string;
  itineraryVariation: string;
  legSequence: number;
  serviceType: string;
  /** Days since the epoch; `to` null for an open period (`00XXX00`). */
  periodFrom: number;
  periodTo: number | null;
  /** ISO weekdays (1 = Monday) the leg operates. */
  days: Set<number>;
  /** 1 weekly, 2 every other week (counted from the period's first week). */
  everyWeeks: number;
  departureStation: string;
  /** Minutes after midnight of the aircraft STD / STA, in the time mode of the carrier record. */
  departureMinutes: number;
  arrivalStation: string;
  arrivalMinutes: number;
  /** Local time minus UTC, minutes. */
  departureOffsetMinutes: number;
  arrivalOffsetMinutes: number;
  aircraftType: string | null;
  seats: number | null;
  /** Days after the flight date; null when the columns are blank (the arrival date is then inferred). */
  departureDateVariation: number;
  arrivalDateVariation: number | null;
}

export type LegParse = { leg: SsimLeg; errors: [] } | { leg: null; errors: FileError[] };

const field = (record: string, from: number, to: number) => record.slice(from - 1, to);

/** Parses one 200-column type 3 record; every bad field is reported with its column. */
export function parseLegRecord(record: string, line: number): LegParse {
  const errors: FileError[] = [];
  const fail = (column: number, message: string) => errors.push({ line, column, message });

  const suffix = field(record, 2, 2).trim();
  const carrier = field(record, 3, 5).trim();
  if (!/^[A-Z0-9]{2,3}$/.test(carrier)) fail(3, `airline designator "${carrier}" is not 2-3 letters or digits`);
  const numberText = field(record, 6, 9).trim();
  if (!/^\d{1,4}$/.test(numberText)) fail(6, `flight number "${numberText}" is not 1-4 digits`);
  const itineraryVariation = field(record, 10, 11);
  if (!/^\d{2}$/.test(itineraryVariation)) fail(10, `itinerary variation "${itineraryVariation}" is not 2 digits`);
  const legText = field(record, 12, 13);
  if (!/^\d{2}$/.test(legText)) fail(12, `leg sequence number "${legText}" is not 2 digits`);

  const periodFrom = parseSsimDate(field(record, 15, 21));
  if (periodFrom === null) fail(15, `period of operation starts on "${field(record, 15, 21)}", not a date`);
  const toText = field(record, 22, 28);
  const periodTo = toText === '00XXX00' ? null : parseSsimDate(toText);
  if (toText !== '00XXX00' && periodTo === null) fail(22, `period of operation ends on "${toText}", not a date`);
  if (periodFrom !== null && periodTo !== null && periodTo < periodFrom) {
    fail(22, `period of operation ends (${toText}) before it begins (${field(record, 15, 21)})`);
  }

  const days = new Set<number>();
  for (let weekday = 1; weekday <= 7; weekday++) {
    const char = field(record, 28 + weekday, 28 + weekday);
    if (char === String(weekday)) days.add(weekday);
    else if (char !== ' ') fail(28 + weekday, `day of operation "${char}" must be ${weekday} or blank`);
  }
  if (days.size === 0 && errors.length === 0) fail(29, 'no day of operation');
  const frequency = field(record, 36, 36);
  if (frequency !== ' ' && frequency !== '1' && frequency !== '2') {
    fail(36, `frequency rate "${frequency}" must be blank, 1 (weekly) or 2 (fortnightly)`);
  }

  const departureStation = station(record, 37, fail);
  const departureMinutes = clockMinutes(record, 44, 'aircraft STD', fail);
  const departureOffsetMinutes = utcOffset(record, 48, fail);
  const arrivalStation = station(record, 55, fail);
  const arrivalMinutes = clockMinutes(record, 58, 'aircraft STA', fail);
  const arrivalOffsetMinutes = utcOffset(record, 66, fail);
  const departureDateVariation = dateVariation(record, 193, fail) ?? 0;
  const arrivalDateVariation = dateVariation(record, 194, fail);

  if (errors.length > 0) return { leg: null, errors };
  const aircraftType = field(record, 73, 75).trim();
  return {
    leg: {
      line,
      carrier,
      number: `${Number(numberText)}${suffix}`,
      itineraryVariation,
      legSequence: Number(legText),
      serviceType: field(record, 14, 14).trim(),
      periodFrom: periodFrom!,
      periodTo,
      days,
      everyWeeks: frequency === '2' ? 2 : 1,
      departureStation,
      departureMinutes: departureMinutes!,
      arrivalStation,
      arrivalMinutes: arrivalMinutes!,
      departureOffsetMinutes: departureOffsetMinutes!,
      arrivalOffsetMinutes: arrivalOffsetMinutes!,
      aircraftType: aircraftType === '' ? null : aircraftType,
      seats: configurationSeats(field(record, 173, 192)),
      departureDateVariation,
      arrivalDateVariation,
    },
    errors: [],
  };
}

type Fail = (column: number, message: string) => void;

function station(record: string, column: number, fail: Fail): string {
  const code = field(record, column, column + 2);
  if (!/^[A-Z]{3}$/.test(code)) fail(column, `station "${code}" is not a 3-letter IATA code`);
  return code;
}

function clockMinutes(record: string, column: number, name: string, fail: Fail): number | null {
  const text = field(record, column, column + 3);
  const match = /^([01]\d|2[0-3])([0-5]\d)$/.exec(text);
  // SSIM allows 2400 for a midnight arrival.
  if (text === '2400') return 24 * 60;
  if (!match) {
    fail(column, `${name} "${text}" is not a time HHMM`);
    return null;
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

function utcOffset(record: string, column: number, fail: Fail): number | null {
  const text = field(record, column, column + 4);
  const match = /^([+-])(\d{2})([0-5]\d)$/.exec(text);
  if (!match || Number(match[2]) > 14) {
    fail(column, `UTC/local time variation "${text}" is not +HHMM or -HHMM`);
    return null;
  }
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Blank = not stated, 0-9 days later, A = the day before. */
function dateVariation(record: string, column: number, fail: Fail): number | null {
  const char = field(record, column, column);
  if (char === ' ') return null;
  if (char === 'A') return -1;
  if (/^\d$/.test(char)) return Number(char);
  fail(column, `date variation "${char}" must be blank, a digit or A`);
  return null;
}

/** Seats of an aircraft configuration such as `W18Y112VVCGO` (class letter and seats, up to `VV`). */
export function configurationSeats(text: string): number | null {
  const classes = text.split('VV')[0].trim();
  const groups = [...classes.matchAll(/[A-Z](\d+)/g)];
  const seats = groups.reduce((sum, group) => sum + Number(group[1]), 0);
  return seats > 0 ? seats : null;
}
