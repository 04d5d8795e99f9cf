import type { FieldError } from '../common/field-errors';
import type { FlightUpdateDto } from './dto/flight-update.dto';
import type { Flight } from './persistence/flight.entity';
import { delayMinutes } from '@apron/flights';

const DAY_MS = 86_400_000;

/** Checks one live update against the stored flight (null: it creates one). */
export function updateViolations(update: FlightUpdateDto, stored: Flight | null, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const scheduledText = update.scheduledTime ?? (stored ? null : (update.estimatedTime ?? update.actualTime));
  if (!stored && !scheduledText) {
    errors.push({ field: `${path}.scheduledTime`, messages: ['a new flight needs scheduledTime (or estimatedTime)'] });
    return errors;
  }
  const scheduledMs = scheduledText ? Date.parse(scheduledText) : stored!.scheduledTime.getTime();
  const dateMs = Date.parse(`${update.operatingDate}T00:00:00Z`);
  if (Number.isNaN(dateMs)) errors.push({ field: `${path}.operatingDate`, messages: ['operatingDate is no date'] });
  else if (scheduledMs < dateMs - DAY_MS || scheduledMs > dateMs + 3 * DAY_MS) {
    errors.push({
      field: `${path}.scheduledTime`,
      messages: [`scheduledTime is not within a day of ${update.operatingDate}`],
    });
  }
  for (const field of ['estimatedTime', 'actualTime'] as const) {
    const text = update[field];
    if (!text) continue;
    const ms = Date.parse(text);
    if (ms < scheduledMs - DAY_MS)
      errors.push({ field: `${path}.${field}`, messages: [`${field} is more than a day before the schedule`] });
    if (ms > scheduledMs + 3 * DAY_MS)
      errors.push({ field: `${path}.${field}`, messages: [`${field} is more than 3 days after the schedule`] });
  }
  return errors;
}

/** Copies the fields an update states onto the flight (absent fields stay as stored). */
export function mergeUpdate(flight: Flight, update: FlightUpdateDto): Flight {
  const date = (text: string | null | undefined) =>
    text === undefined ? undefined : text === null ? null : new Date(text);
  flight.carrier = update.carrier;
  flight.number = update.number;
  flight.operatingDate = update.operatingDate;
  flight.direction = update.direction;
  const scheduled =
    date(update.scheduledTime) ?? flight.scheduledTime ?? date(update.estimatedTime ?? update.actualTime);
  flight.scheduledTime = scheduled!;
  for (const field of ['estimatedTime', 'actualTime'] as const) {
    const value = date(update[field]);
    if (value !== undefined) flight[field] = value;
    else flight[field] ??= null;
  }
  for (const field of ['stand', 'passengers', 'aircraftType'] as const) {
    const value = update[field];
    if (value !== undefined) (flight as unknown as Record<string, unknown>)[field] = value;
    else (flight as unknown as Record<string, unknown>)[field] ??= null;
  }
  flight.seats ??= null;
  flight.serviceType ??= null;
  if (update.status !== undefined) flight.status = update.status;
  return flight;
}

/** What changed, in the dispatcher's words. */
export function flightChanges(before: Flight, after: Flight): string[] {
  const reasons: string[] = [];
  const milestone = after.direction === 'arrival' ? 'in-block' : 'off-block';
  if (
    delayMinutes(before) !== delayMinutes(after) ||
    before.scheduledTime.getTime() !== after.scheduledTime.getTime()
  ) {
    const delay = delayMinutes(after);
    const when = (after.actualTime ?? after.estimatedTime ?? after.scheduledTime).toISOString().slice(11, 16);
    reasons.push(
      delay === 0
        ? `on time (${milestone} ${when}Z)`
        : `${delay > 0 ? 'delayed' : 'early'} ${Math.abs(delay)} min (${milestone} ${when}Z)`,
    );
  }
  if (before.stand !== after.stand) reasons.push(`stand ${before.stand ?? '-'} -> ${after.stand ?? '-'}`);
  if (before.passengers !== after.passengers)
    reasons.push(`passengers ${before.passengers ?? '-'} -> ${after.passengers ?? '-'}`);
  if (before.aircraftType !== after.aircraftType)
    reasons.push(`aircraft ${before.aircraftType ?? '-'} -> ${after.aircraftType ?? '-'}`);
  if (before.status !== after.status) reasons.push(after.status === 'cancelled' ? 'cancelled' : 'reinstated');
  return reasons;
}
