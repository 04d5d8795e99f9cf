/** A planned power schedule: back-to-back slots with a power in kW each (the planner's output per connector). */
export interface PowerSlot {
  start: Date;
  durationSeconds: number;
  powerKw: number;
}

export interface SchedulePeriodW {
  startSeconds: number;
  powerW: number;
}

/**
 * Validates that slots are back to back and turns them into periods relative to the first slot's start.
 * Throws on empty, overlapping, gapped or negative input: that is a bug in the caller, not a business outcome.
 */
export function periodsFromSlots(slots: PowerSlot[]): {
  start: Date;
  durationSeconds: number;
  periods: SchedulePeriodW[];
} {
  if (slots.length === 0) throw new Error('power schedule has no slots');
  const start = slots[0].start;
  let offsetSeconds = 0;
  const periods: SchedulePeriodW[] = [];
  for (const slot of slots) {
    const slotOffsetSeconds = (slot.start.getTime() - start.getTime()) / 1000;
    if (Math.abs(slotOffsetSeconds - offsetSeconds) > 1e-6) {
      throw new Error(`power schedule slots must be back to back: slot at ${slot.start.toISOString()}`);
    }
    if (!(slot.durationSeconds > 0)) throw new Error('power schedule slot duration must be positive');
    if (!(slot.powerKw >= 0)) throw new Error('power schedule slot power must be >= 0 kW');
    periods.push({ startSeconds: Math.round(offsetSeconds), powerW: slot.powerKw * 1000 });
    offsetSeconds += slot.durationSeconds;
  }
  return { start, durationSeconds: Math.round(offsetSeconds), periods };
}

/** Drops periods whose (rounded) limit equals the previous one, so the profile has as few periods as possible. */
export function mergeEqualPeriods<P extends { startSeconds: number; limit: number }>(periods: P[]): P[] {
  const merged: P[] = [];
  for (const period of periods) {
    if (merged.length > 0 && merged[merged.length - 1].limit === period.limit) continue;
    merged.push(period);
  }
  return merged;
}
