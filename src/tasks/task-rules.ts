import { FieldError, nullViolations } from '../common/field-errors';

export const MAX_TASK_MS = 24 * 60 * 60 * 1000;

export interface TaskTimes {
  startsAt: Date;
  endsAt: Date;
}

/**
 * end after start and at most 24 h later, reported on `start` when the request changed only the start
 * (a PATCH checked against the stored end), else on `end`.
 */
export function taskTimeViolations(task: TaskTimes, changed: { start?: string; end?: string } = {}): FieldError[] {
  const field = changed.start !== undefined && changed.end === undefined ? 'start' : 'end';
  const durationMs = task.endsAt.getTime() - task.startsAt.getTime();
  if (durationMs <= 0) return [{ field, messages: ['end must be after start'] }];
  if (durationMs > MAX_TASK_MS) return [{ field, messages: ['a task lasts at most 24 hours from start to end'] }];
  return [];
}

const NULLABLE = ['energyKwhPerVehicle', 'distanceKm'];

/** Only the nullable columns may be cleared with null; null elsewhere would reach a NOT NULL column. */
export function taskNullViolations(body: object): FieldError[] {
  return nullViolations(body, NULLABLE);
}
