/** 2.0.1 SetChargingProfileRequest (K01) from a planned power schedule or a neutral profile. */
import { V201SetChargingProfileRequest } from '../v201/v201-csms.messages';
import { V201ChargingProfile, V201ChargingProfilePurpose } from '../v201/v201-common.types';
import { buildPowerProfile, PowerProfileRequest } from './charging-profile.builder';
import { NeutralChargingProfile, NeutralProfilePurpose } from './neutral-charging-profile';
import { withoutUndefined } from './v16-profile.builder';

const PURPOSE: Record<NeutralProfilePurpose, V201ChargingProfilePurpose> = {
  StationMax: 'ChargingStationMaxProfile',
  StationExternal: 'ChargingStationExternalConstraints',
  TxDefault: 'TxDefaultProfile',
  Tx: 'TxProfile',
};

export function toV201ChargingProfile(profile: NeutralChargingProfile, scheduleId = profile.id): V201ChargingProfile {
  const s = profile.schedule;
  return {
    id: profile.id,
    stackLevel: profile.stackLevel,
    chargingProfilePurpose: PURPOSE[profile.purpose],
    chargingProfileKind: profile.kind,
    recurrencyKind: profile.recurrencyKind,
    validFrom: profile.validFrom?.toISOString(),
    validTo: profile.validTo?.toISOString(),
    transactionId: profile.transactionId,
    chargingSchedule: [
      {
        id: scheduleId,
        startSchedule: s.startSchedule?.toISOString(),
        duration: s.durationSeconds,
        chargingRateUnit: s.rateUnit,
        chargingSchedulePeriod: s.periods.map((p) => ({
          startPeriod: p.startSeconds,
          limit: p.limit,
          numberPhases: p.numberPhases,
        })),
        minChargingRate: s.minChargingRate,
      },
    ],
  };
}

export function buildV201SetChargingProfile(req: PowerProfileRequest): V201SetChargingProfileRequest {
  const profile = buildPowerProfile(req);
  return withoutUndefined({ evseId: profile.evseId, chargingProfile: toV201ChargingProfile(profile) });
}
