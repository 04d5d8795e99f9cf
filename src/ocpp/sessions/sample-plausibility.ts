import { RegisterState } from './register-energy';

/** Why a meter sample is kept out of energy totals and SoC estimates (stored with the sample, `implausible`). */
export type ImplausibleSample = 'futureTimestamp' | 'pastTimestamp' | 'absurdValue' | 'energyJump';

/** Bounds relative to the service's clock; a charger's clock may drift, an offline queue may be old. */
export const MAX_FUTURE_MS = 60 * 60_000;
export const MAX_PAST_MS = 400 * 24 * 60 * 60_000;
/** No register is larger than this (1 GWh); a value above it, negative or non-finite is noise or an attack. */
export const MAX_REGISTER_WH = 1e9;
/** A register step may exceed max power × elapsed time by this factor and this many Wh (rounding, clock skew). */
const JUMP_TOLERANCE = 1.5;
const JUMP_SLACK_WH = 1000;

export interface SampleReading {
  at: Date;
  energyWh?: number;
  socPercent?: number;
  powerW?: number;
}

/**
 * Null when the sample is plausible. `register`: the session's counter before this sample (null without a session);
 * `maxPowerW`: the connector's rated power (null when unknown: no jump check).
 */
export function implausibleSample(
  sample: SampleReading,
  register: RegisterState | null,
  maxPowerW: number | null,
  now: Date,
): ImplausibleSample | null {
  const atMs = sample.at.getTime();
  if (!Number.isFinite(atMs)) return 'absurdValue';
  if (atMs > now.getTime() + MAX_FUTURE_MS) return 'futureTimestamp';
  if (atMs < now.getTime() - MAX_PAST_MS) return 'pastTimestamp';
  const { energyWh, socPercent, powerW } = sample;
  if (energyWh !== undefined && !(Number.isFinite(energyWh) && energyWh >= 0 && energyWh <= MAX_REGISTER_WH)) {
    return 'absurdValue';
  }
  if (socPercent !== undefined && !(Number.isFinite(socPercent) && socPercent >= 0 && socPercent <= 100)) {
    return 'absurdValue';
  }
  if (powerW !== undefined && !Number.isFinite(powerW)) return 'absurdValue';
  if (energyWh !== undefined && maxPowerW !== null && register?.lastRegisterWh != null && register.lastRegisterAt) {
    const stepWh = energyWh - register.lastRegisterWh;
    const hours = Math.max(0, atMs - register.lastRegisterAt.getTime()) / 3_600_000;
    if (stepWh > maxPowerW * hours * JUMP_TOLERANCE + JUMP_SLACK_WH) return 'energyJump';
  }
  return null;
}
