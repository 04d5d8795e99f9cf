/** 1.6 SetChargingProfile.req (§5.16, §7.7–7.9) from a planned power schedule or a neutral profile. */
import { V16SetChargingProfileRequest } from '../v16/v16-central-system.messages';
import { V16ChargingProfile, V16ChargingProfilePurpose } from '../v16/v16-common.types';
import { buildPowerProfile, PowerProfileRequest } from './charging-profile.builder';
import { NeutralChargingProfile, NeutralProfilePurpose } from './neutral-charging-profile';

const PURPOSE: Partial<Record<NeutralProfilePurpose, V16ChargingProfilePurpose>> = {
  StationMax: 'ChargePointMaxProfile',
  TxDefault: 'TxDefaultProfile',
  Tx: 'TxProfile',
};

export function toV16ChargingProfile(profile: NeutralChargingProfile): V16ChargingProfile {
  const purpose = PURPOSE[profile.purpose];
  if (!purpose) throw new Error(`1.6 has no charging profile purpose for ${profile.purpose}`);
  let transactionId: number | undefined;
  if (profile.transactionId !== undefined) {
    transactionId = Number(profile.transactionId);
    if (!Number.isInteger(transactionId)) throw new Error('1.6 transaction ids are integers');
  }
  const s = profile.schedule;
  return {
    chargingProfileId: profile.id,
    transactionId,
    stackLevel: profile.stackLevel,
    chargingProfilePurpose: purpose,
    chargingProfileKind: profile.kind,
    recurrencyKind: profile.recurrencyKind,
    validFrom: profile.validFrom?.toISOString(),
    validTo: profile.validTo?.toISOString(),
    chargingSchedule: {
      duration: s.durationSeconds,
      startSchedule: s.startSchedule?.toISOString(),
      chargingRateUnit: s.rateUnit,
      chargingSchedulePeriod: s.periods.map((p) => ({
        startPeriod: p.startSeconds,
        limit: p.limit,
        numberPhases: p.numberPhases,
      })),
      minChargingRate: s.minChargingRate,
    },
  };
}

/** Removes undefined members so the payload is minimal JSON (undefined is dropped by JSON.stringify anyway). */
export function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function buildV16SetChargingProfile(req: PowerProfileRequest): V16SetChargingProfileRequest {
  const profile = buildPowerProfile(req);
  return withoutUndefined({ connectorId: profile.evseId, csChargingProfiles: toV16ChargingProfile(profile) });
}
