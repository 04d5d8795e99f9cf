/** Conversions between the version-specific charging profiles and NeutralChargingProfile. */
import { V16ChargingProfile, V16ChargingProfilePurpose, V16ChargingSchedule } from '../v16/v16-common.types';
import { V201ChargingProfile, V201ChargingProfilePurpose, V201ChargingSchedule } from '../v201/v201-common.types';
import { NeutralChargingProfile, NeutralChargingSchedule, NeutralProfilePurpose } from './neutral-charging-profile';

const optionalDate = (iso?: string): Date | undefined => (iso === undefined ? undefined : new Date(iso));

const V16_PURPOSE: Record<V16ChargingProfilePurpose, NeutralProfilePurpose> = {
  ChargePointMaxProfile: 'StationMax',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
};

const V201_PURPOSE: Record<V201ChargingProfilePurpose, NeutralProfilePurpose> = {
  ChargingStationMaxProfile: 'StationMax',
  ChargingStationExternalConstraints: 'StationExternal',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
};

export function scheduleFromV16(schedule: V16ChargingSchedule): NeutralChargingSchedule {
  return {
    startSchedule: optionalDate(schedule.startSchedule),
    durationSeconds: schedule.duration,
    rateUnit: schedule.chargingRateUnit,
    minChargingRate: schedule.minChargingRate,
    periods: schedule.chargingSchedulePeriod.map((p) => ({
      startSeconds: p.startPeriod,
      limit: p.limit,
      numberPhases: p.numberPhases,
    })),
  };
}

export function scheduleFromV201(schedule: V201ChargingSchedule): NeutralChargingSchedule {
  return scheduleFromV16({ ...schedule, duration: schedule.duration });
}

/** A 1.6 profile as installed on `connectorId` (SetChargingProfile.req connectorId). */
export function profileFromV16(profile: V16ChargingProfile, connectorId: number): NeutralChargingProfile {
  return {
    id: profile.chargingProfileId,
    stackLevel: profile.stackLevel,
    purpose: V16_PURPOSE[profile.chargingProfilePurpose],
    kind: profile.chargingProfileKind,
    recurrencyKind: profile.recurrencyKind,
    validFrom: optionalDate(profile.validFrom),
    validTo: optionalDate(profile.validTo),
    transactionId: profile.transactionId === undefined ? undefined : String(profile.transactionId),
    evseId: connectorId,
    schedule: scheduleFromV16(profile.chargingSchedule),
  };
}

/**
 * A 2.0.1 profile as installed on `evseId`. Only the first schedule is used: more than one schedule is only allowed
 * for ISO 15118 schedule negotiation (K01.FR.34), where the station picks one with the EV.
 */
export function profileFromV201(profile: V201ChargingProfile, evseId: number): NeutralChargingProfile {
  return {
    id: profile.id,
    stackLevel: profile.stackLevel,
    purpose: V201_PURPOSE[profile.chargingProfilePurpose],
    kind: profile.chargingProfileKind,
    recurrencyKind: profile.recurrencyKind,
    validFrom: optionalDate(profile.validFrom),
    validTo: optionalDate(profile.validTo),
    transactionId: profile.transactionId,
    evseId,
    schedule: scheduleFromV201(profile.chargingSchedule[0]),
  };
}
