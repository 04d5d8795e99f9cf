import type { NeutralChargingProfile } from '@apron/ocpp-model';

/** Above the 0 of "no limit" and below every plan profile (stack level 1). */
export const SAFE_DEFAULT_STACK_LEVEL = 0;
export const SAFE_DEFAULT_PROFILE_ID = 2;

export interface SafeDefaultInputs {
  gridLimitKw: number;
  baseLoadKw: number;
  chargersAtSite: number;
  charger: { maxKw: number; currentType: 'AC' | 'DC'; phases: number | null; voltageV: number | null };
}

/** Each charger's share of what the grid connection leaves for charging: all chargers at once stay within it. */
export function safeDefaultKw(
  inputs: Omit<SafeDefaultInputs, 'charger'> & { charger: Pick<SafeDefaultInputs['charger'], 'maxKw'> },
): number {
  const availableKw = Math.max(0, inputs.gridLimitKw - inputs.baseLoadKw);
  const shareKw = availableKw / Math.max(1, inputs.chargersAtSite);
  return Math.floor(Math.min(shareKw, inputs.charger.maxKw) * 10) / 10;
}

/**
 * The limit a charger keeps when Apron's profiles expire or Apron is unreachable: a station-wide maximum
 * recurring every day with no end of validity (1.6 ChargePointMaxProfile / 2.0.1 ChargingStationMaxProfile,
 * EVSE 0, never Relative; Recurring needs startSchedule: K01.FR.40).
 */
export function safeDefaultProfile(inputs: SafeDefaultInputs, now: Date): NeutralChargingProfile {
  const limitKw = safeDefaultKw(inputs);
  const { charger } = inputs;
  const ac = charger.currentType === 'AC';
  const phases = charger.phases ?? 3;
  const voltageV = charger.voltageV ?? 230;
  const limit = ac ? Math.floor(((limitKw * 1000) / (phases * voltageV)) * 10) / 10 : Math.floor(limitKw * 1000);
  const midnightUtc = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    id: SAFE_DEFAULT_PROFILE_ID,
    stackLevel: SAFE_DEFAULT_STACK_LEVEL,
    purpose: 'StationMax',
    kind: 'Recurring',
    recurrencyKind: 'Daily',
    evseId: 0,
    schedule: {
      startSchedule: midnightUtc,
      durationSeconds: 86_400,
      rateUnit: ac ? 'A' : 'W',
      periods: [{ startSeconds: 0, limit, ...(ac ? { numberPhases: phases } : {}) }],
    },
  };
}
