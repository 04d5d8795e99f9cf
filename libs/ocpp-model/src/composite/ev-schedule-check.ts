/**
 * K17.FR.11/12: the CSMS checks the charging profile an EV chose (NotifyEVChargingSchedule) against the limits it
 * granted on that EVSE: Accepted when the EV stays within them at every instant, else Rejected (and the CSMS
 * renegotiates, K17.FR.13).
 */
import { NeutralChargingProfile, NeutralChargingSchedule } from '../profiles/neutral-charging-profile';
import { CompositeOptions, limitAtW } from './composite-schedule';
import { profileBreakpointsMs, profileLimitW } from './profile-limit';
import { DEFAULT_VOLTAGE_V, supplyPhases } from '../profiles/electrical-supply';

/** An EV schedule without a duration is checked this far ahead. */
const OPEN_ENDED_CHECK_SECONDS = 24 * 3600;
/** Rounding of A and W in profiles (one decimal of an ampere on three phases is ~70 W): not an excess. */
const TOLERANCE_W = 100;

export interface EvScheduleExcess {
  at: Date;
  evLimitW: number;
  grantedLimitW: number;
}

/** The first instant the EV's schedule asks for more than the granted limit, or null when it never does. */
export function evScheduleExcess(
  evSchedule: NeutralChargingSchedule,
  timeBase: Date,
  evseId: number,
  granted: NeutralChargingProfile[],
  options: CompositeOptions = {},
): EvScheduleExcess | null {
  const startMs = (evSchedule.startSchedule ?? timeBase).getTime();
  const endMs = startMs + (evSchedule.durationSeconds ?? OPEN_ENDED_CHECK_SECONDS) * 1000;
  const asProfile: NeutralChargingProfile = {
    id: 0,
    stackLevel: 0,
    purpose: 'Tx',
    kind: 'Absolute',
    evseId,
    schedule: { ...evSchedule, startSchedule: new Date(startMs) },
  };
  const supply = options.supply ?? { currentType: 'AC' as const };
  const ctx = {
    phases: supplyPhases(supply),
    voltageV: supply.nominalVoltageV ?? DEFAULT_VOLTAGE_V,
    relativeStart: options.transaction?.startedAt ?? new Date(startMs),
  };
  const points = new Set<number>([startMs]);
  for (const profile of [asProfile, ...granted]) {
    for (const t of profileBreakpointsMs(profile, startMs, endMs, ctx.relativeStart)) points.add(t);
  }
  for (const t of [...points].sort((a, b) => a - b)) {
    const at = new Date(t);
    const evLimitW = profileLimitW(asProfile, at, ctx);
    if (evLimitW === undefined) continue;
    const grantedLimitW = limitAtW(granted, evseId, at, options, ctx.relativeStart);
    if (evLimitW > grantedLimitW + TOLERANCE_W) return { at, evLimitW, grantedLimitW };
  }
  return null;
}
