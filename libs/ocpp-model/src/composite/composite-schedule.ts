/**
 * Composite schedule: the limit a connector/EVSE is held to over time, combining all installed profiles the way
 * 1.6 §3.13.2–3.13.3 and 2.0.1 K01/K08 order them:
 * - per purpose, the valid profile with the highest stackLevel that has an active period wins (K01.FR.17); when its
 *   schedule has ended the next lower stack level applies (1.6 §3.13.2, K01.FR.13);
 * - a TxProfile for the running transaction overrides TxDefaultProfile (1.6 §3.13.1); TxDefault on EVSE 0 applies to
 *   every EVSE (K01.FR.14), one on the EVSE itself only there (K01.FR.15);
 * - the result is the minimum of that and the station max / external constraints (1.6 §3.13.3, K08.FR.04) and the
 *   EVSE's own hardware limit.
 * Pure: the current time and the transaction are inputs.
 */
import { ChargingRateUnit, NeutralChargingProfile, NeutralProfilePurpose } from '../profiles/neutral-charging-profile';
import {
  DEFAULT_VOLTAGE_V,
  ElectricalSupply,
  roundAmps,
  roundWatts,
  supplyPhases,
  wattsToAmps,
} from '../profiles/electrical-supply';
import { LimitContext, profileBreakpointsMs, profileLimitW } from './profile-limit';

export interface CompositeOptions {
  supply?: ElectricalSupply;
  /** Unit of the result; default W. */
  rateUnit?: ChargingRateUnit;
  /** The transaction running on the EVSE, if any: TxProfiles only apply to it, Relative schedules start with it. */
  transaction?: { id: string; startedAt: Date };
  /** The EVSE's hardware limit; default unlimited. */
  maxPowerW?: number;
  /**
   * The station max profile limits all EVSEs combined (1.6 §3.13.3, 2.0.1 §3.5); a station sharing it equally among
   * N charging EVSEs passes N here. Default 1 (the whole station limit for this EVSE).
   */
  stationMaxSharedBy?: number;
}

export interface CompositePeriod {
  startSeconds: number;
  /** In the result's rate unit; Infinity where nothing limits (only when no maxPowerW was given). */
  limit: number;
  numberPhases?: number;
}

export interface CompositeSchedule {
  evseId: number;
  start: Date;
  durationSeconds: number;
  rateUnit: ChargingRateUnit;
  periods: CompositePeriod[];
}

function appliesTo(profile: NeutralChargingProfile, evseId: number, transactionId?: string): boolean {
  switch (profile.purpose) {
    case 'StationMax':
      return profile.evseId === 0;
    case 'StationExternal':
      return profile.evseId === 0 || profile.evseId === evseId;
    case 'TxDefault':
      return profile.evseId === 0 || profile.evseId === evseId;
    case 'Tx':
      return (
        transactionId !== undefined &&
        profile.evseId === evseId &&
        (profile.transactionId === undefined || profile.transactionId === transactionId)
      );
  }
}

/** Highest stack level first; at equal level the EVSE's own profile before the station-wide one. */
function byPrecedence(a: NeutralChargingProfile, b: NeutralChargingProfile): number {
  return b.stackLevel - a.stackLevel || b.evseId - a.evseId;
}

function purposeLimitW(profiles: NeutralChargingProfile[], at: Date, ctx: LimitContext): number | undefined {
  for (const profile of profiles) {
    const limit = profileLimitW(profile, at, ctx);
    if (limit !== undefined) return limit;
  }
  return undefined;
}

function contextFor(options: CompositeOptions, now: Date): LimitContext {
  const supply = options.supply ?? { currentType: 'AC' };
  return {
    phases: supplyPhases(supply),
    voltageV: supply.nominalVoltageV ?? DEFAULT_VOLTAGE_V,
    relativeStart: options.transaction?.startedAt ?? now,
  };
}

function grouped(profiles: NeutralChargingProfile[], evseId: number, transactionId?: string) {
  const of = (purpose: NeutralProfilePurpose) =>
    profiles.filter((p) => p.purpose === purpose && appliesTo(p, evseId, transactionId)).sort(byPrecedence);
  return { max: of('StationMax'), external: of('StationExternal'), txDefault: of('TxDefault'), tx: of('Tx') };
}

/** The limit in W at one instant (Infinity when nothing limits). */
export function limitAtW(
  profiles: NeutralChargingProfile[],
  evseId: number,
  at: Date,
  options: CompositeOptions = {},
  relativeStart: Date = at,
): number {
  const ctx = contextFor(options, relativeStart);
  const g = grouped(profiles, evseId, options.transaction?.id);
  const txLimit = purposeLimitW(g.tx, at, ctx) ?? purposeLimitW(g.txDefault, at, ctx);
  const stationMax = purposeLimitW(g.max, at, ctx);
  const share = Math.max(1, options.stationMaxSharedBy ?? 1);
  const limits = [
    txLimit,
    stationMax === undefined ? undefined : stationMax / share,
    purposeLimitW(g.external, at, ctx),
    options.maxPowerW,
  ];
  return Math.min(Infinity, ...limits.filter((l): l is number => l !== undefined));
}

function inUnit(limitW: number, unit: ChargingRateUnit, ctx: LimitContext): number {
  if (!Number.isFinite(limitW)) return limitW;
  return unit === 'W' ? roundWatts(limitW) : roundAmps(wattsToAmps(limitW, ctx.phases, ctx.voltageV));
}

/** The composite schedule from `now` for `durationSeconds` (K08.FR.02), equal consecutive periods merged. */
export function compositeSchedule(
  profiles: NeutralChargingProfile[],
  evseId: number,
  now: Date,
  durationSeconds: number,
  options: CompositeOptions = {},
): CompositeSchedule {
  const ctx = contextFor(options, now);
  const rateUnit = options.rateUnit ?? 'W';
  const fromMs = now.getTime();
  const toMs = fromMs + durationSeconds * 1000;
  const points = new Set<number>([fromMs]);
  const relevant = profiles.filter((p) => appliesTo(p, evseId, options.transaction?.id));
  for (const p of relevant) {
    for (const t of profileBreakpointsMs(p, fromMs, toMs, ctx.relativeStart)) points.add(t);
  }
  const numberPhases = (options.supply?.currentType ?? 'AC') === 'AC' ? ctx.phases : undefined;
  const periods: CompositePeriod[] = [];
  for (const t of [...points].sort((a, b) => a - b)) {
    const limit = inUnit(limitAtW(profiles, evseId, new Date(t), options, now), rateUnit, ctx);
    const startSeconds = Math.round((t - fromMs) / 1000);
    const last = periods[periods.length - 1];
    if (last && last.startSeconds === startSeconds) periods.pop();
    if (periods.length > 0 && periods[periods.length - 1].limit === limit) continue;
    periods.push({ startSeconds, limit, numberPhases });
  }
  return { evseId, start: now, durationSeconds, rateUnit, periods };
}
