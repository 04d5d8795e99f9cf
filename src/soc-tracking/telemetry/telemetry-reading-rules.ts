import { textProblem } from '../../common/input/unsafe-values';

/** One telemetry reading after validation; `vehicle` still to be resolved. */
export interface ValidTelemetryReading {
  index: number;
  vehicle: string;
  at: Date;
  socPercent: number | null;
  odometerKm: number | null;
  latitude: number | null;
  longitude: number | null;
  state: string | null;
}

export interface TelemetryItemError {
  index: number;
  field: string;
  message: string;
}

const FIELDS = new Set(['vehicle', 'time', 'socPercent', 'odometerKm', 'position', 'state']);
const TEXT_FIELDS = ['vehicle', 'time', 'state'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Checks one reading of a batch on its own, so a bad one never costs the good ones: every problem found is one
 * `{ index, field, message }`. Vehicles are resolved later (they need the database).
 */
export function validateTelemetryReading(
  item: unknown,
  index: number,
  nowMs: number,
  maxClockSkewSeconds: number,
): { reading: ValidTelemetryReading } | { errors: TelemetryItemError[] } {
  const errors: TelemetryItemError[] = [];
  const fail = (field: string, message: string) => errors.push({ index, field, message });
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { errors: [{ index, field: '', message: 'a reading must be an object' }] };
  }
  const record = item as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!FIELDS.has(key)) fail(key, `unknown field ${key}`);
  // Text PostgreSQL cannot store would fail the whole batch's insert: such a reading is rejected first.
  const unstorable = TEXT_FIELDS.flatMap((field) => {
    const value = record[field];
    const problem = typeof value === 'string' ? textProblem(value) : undefined;
    return problem ? [{ index, field, message: `${field} ${problem}` }] : [];
  });
  if (unstorable.length > 0) return { errors: [...errors, ...unstorable] };

  const vehicle = record.vehicle;
  if (typeof vehicle !== 'string' || vehicle.trim() === '' || vehicle.length > 64) {
    fail('vehicle', 'vehicle must be the fleet number or id of a vehicle');
  }

  let atMs = NaN;
  if (typeof record.time !== 'string' || !ISO_TIME.test(record.time)) {
    fail('time', 'time must be an ISO-8601 date-time with a time zone, e.g. 2026-11-22T06:00:00Z');
  } else {
    atMs = Date.parse(record.time);
    if (!Number.isFinite(atMs)) fail('time', `time ${record.time} is not a valid date-time`);
    else if (atMs > nowMs + maxClockSkewSeconds * 1000) {
      fail('time', `time ${record.time} is in the future (more than ${maxClockSkewSeconds} s ahead of the server)`);
    }
  }

  const socPercent = optionalNumber(record.socPercent, 'socPercent', 0, 100, fail);
  const odometerKm = optionalNumber(record.odometerKm, 'odometerKm', 0, 10_000_000, fail);
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (record.position !== undefined && record.position !== null) {
    const position = record.position as Record<string, unknown>;
    if (typeof position !== 'object' || Array.isArray(position)) fail('position', 'position must be { lat, lon }');
    else {
      latitude = requiredNumber(position.lat, 'position.lat', -90, 90, fail);
      longitude = requiredNumber(position.lon, 'position.lon', -180, 180, fail);
      for (const key of Object.keys(position)) {
        if (key !== 'lat' && key !== 'lon') fail(`position.${key}`, `unknown field position.${key}`);
      }
    }
  }
  let state: string | null = null;
  if (record.state !== undefined && record.state !== null) {
    if (typeof record.state !== 'string' || record.state.length === 0 || record.state.length > 64) {
      fail('state', 'state must be a text of 1-64 characters');
    } else state = record.state;
  }
  if (socPercent === null && odometerKm === null && latitude === null && state === null && errors.length === 0) {
    fail('', 'a reading needs at least one of socPercent, odometerKm, position, state');
  }
  if (errors.length > 0) return { errors };
  return {
    reading: {
      index,
      vehicle: vehicle as string,
      at: new Date(atMs),
      socPercent,
      odometerKm,
      latitude,
      longitude,
      state,
    },
  };
}

function optionalNumber(
  value: unknown,
  field: string,
  min: number,
  max: number,
  fail: (field: string, message: string) => void,
): number | null {
  if (value === undefined || value === null) return null;
  return requiredNumber(value, field, min, max, fail);
}

function requiredNumber(
  value: unknown,
  field: string,
  min: number,
  max: number,
  fail: (field: string, message: string) => void,
): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(field, `${field} must be a number`);
    return null;
  }
  if (value < min || value > max) {
    fail(field, `${field} must be within ${min}–${max}, got ${value}`);
    return null;
  }
  return value;
}
