/**
 * The limit one charging profile imposes at one instant, in W, or undefined when it imposes none then
 * (not valid yet/any more, schedule not started or past its duration, 1.6 §3.13.2, K01.FR.11–13, K01.FR.30,
 * K01.FR.36–37).
 */
import { NeutralChargingProfile } from '../profiles/neutral-charging-profile';
import { ampsToWatts, DEFAULT_PHASES } from '../profiles/electrical-supply';

export const RECURRENCE_SECONDS = { Daily: 86_400, Weekly: 604_800 } as const;

export interface LimitContext {
  /** Phases the EVSE (and vehicle) use; limits in A are per phase (K01.FR.51). DC: 1. */
  phases: number;
  voltageV: number;
  /** Start of a Relative schedule: the transaction start, or the query time when no transaction runs (K08.FR.06). */
  relativeStart: Date;
}

export function isValidAt(profile: NeutralChargingProfile, at: Date): boolean {
  if (profile.validFrom && at < profile.validFrom) return false;
  if (profile.validTo && at >= profile.validTo) return false;
  return true;
}

/** Start of the schedule run that covers `at` (for Recurring, the current cycle), or undefined before the first. */
export function scheduleStartFor(profile: NeutralChargingProfile, at: Date, relativeStart: Date): Date | undefined {
  const startSchedule = profile.schedule.startSchedule;
  // 1.6 §7.9: an Absolute schedule without startSchedule is relative to the start of charging.
  if (profile.kind === 'Relative' || !startSchedule) return relativeStart;
  if (profile.kind === 'Absolute') return startSchedule;
  const cycleMs = RECURRENCE_SECONDS[profile.recurrencyKind ?? 'Daily'] * 1000;
  const elapsedMs = at.getTime() - startSchedule.getTime();
  if (elapsedMs < 0) return undefined;
  return new Date(startSchedule.getTime() + Math.floor(elapsedMs / cycleMs) * cycleMs);
}

/** The active period's limit converted to W, or undefined if the profile imposes nothing at `at`. */
export function profileLimitW(profile: NeutralChargingProfile, at: Date, ctx: LimitContext): number | undefined {
  if (!isValidAt(profile, at)) return undefined;
  const start = scheduleStartFor(profile, at, ctx.relativeStart);
  if (!start) return undefined;
  const offsetSeconds = (at.getTime() - start.getTime()) / 1000;
  if (offsetSeconds < 0) return undefined;
  const { durationSeconds, periods, rateUnit } = profile.schedule;
  if (durationSeconds !== undefined && offsetSeconds >= durationSeconds) return undefined;
  // 1.6 §7.8 (errata): periods beyond the recurrence period are not executed.
  if (profile.kind === 'Recurring' && offsetSeconds >= RECURRENCE_SECONDS[profile.recurrencyKind ?? 'Daily']) {
    return undefined;
  }
  let active: (typeof periods)[number] | undefined;
  for (const period of periods) {
    if (period.startSeconds <= offsetSeconds) active = period;
    else break;
  }
  if (!active) return undefined;
  if (rateUnit === 'W') return active.limit;
  const phases = Math.min(active.numberPhases ?? DEFAULT_PHASES, ctx.phases);
  return ampsToWatts(active.limit, phases, ctx.voltageV);
}

/** Instants (ms since epoch) in [fromMs, toMs) where the profile's limit may change. */
export function profileBreakpointsMs(
  profile: NeutralChargingProfile,
  fromMs: number,
  toMs: number,
  relativeStart: Date,
): number[] {
  const points: number[] = [];
  if (profile.validFrom) points.push(profile.validFrom.getTime());
  if (profile.validTo) points.push(profile.validTo.getTime());
  const offsets = profile.schedule.periods.map((p) => p.startSeconds * 1000);
  if (profile.schedule.durationSeconds !== undefined) offsets.push(profile.schedule.durationSeconds * 1000);
  const startSchedule = profile.schedule.startSchedule;
  const runStarts: number[] = [];
  if (profile.kind === 'Recurring' && startSchedule) {
    const cycleMs = RECURRENCE_SECONDS[profile.recurrencyKind ?? 'Daily'] * 1000;
    offsets.push(cycleMs);
    const first = Math.max(0, Math.floor((fromMs - startSchedule.getTime()) / cycleMs));
    for (let k = first; startSchedule.getTime() + k * cycleMs < toMs; k++)
      runStarts.push(startSchedule.getTime() + k * cycleMs);
  } else {
    runStarts.push((scheduleStartFor(profile, new Date(fromMs), relativeStart) ?? relativeStart).getTime());
  }
  for (const runStart of runStarts) for (const offset of offsets) points.push(runStart + offset);
  return points.filter((t) => t > fromMs && t < toMs);
}
