/**
 * Builds a version-neutral charging profile from a planned power schedule (kW per slot).
 * The version adapters (v16-profile.builder.ts, v201-profile.builder.ts) turn it into SetChargingProfile payloads.
 */
import { ChargingRateUnit, NeutralChargingProfile, NeutralSchedulePeriod } from './neutral-charging-profile';
import {
  DEFAULT_VOLTAGE_V,
  ElectricalSupply,
  roundAmps,
  roundWatts,
  supplyPhases,
  wattsToAmps,
} from './electrical-supply';
import { mergeEqualPeriods, periodsFromSlots, PowerSlot } from './power-schedule';

export type SendablePurpose = 'StationMax' | 'TxDefault' | 'Tx';

export interface PowerProfileRequest {
  slots: PowerSlot[];
  purpose: SendablePurpose;
  profileId: number;
  stackLevel: number;
  /** 1.6 connectorId / 2.0.1 evseId; must be 0 for StationMax and > 0 for Tx. */
  evseId: number;
  /** Required for Tx (1.6 §5.16 / K01.FR.03). */
  transactionId?: string | number;
  supply: ElectricalSupply;
  /** 1.6 ChargingScheduleAllowedChargingRateUnit / 2.0.1 SmartChargingCtrlr ChargingScheduleChargingRateUnit. */
  supportedRateUnits?: ChargingRateUnit[];
  /** Default: A for AC (K01.FR.50 note), W for DC. */
  preferredRateUnit?: ChargingRateUnit;
  /** Default: the first slot's start. */
  validFrom?: Date;
  /** Default: the end of the last slot, so a charger that loses the CSMS falls back to lower stack levels. */
  validTo?: Date;
  /** 1.6 ChargingScheduleMaxPeriods / 2.0.1 PeriodsPerSchedule: later periods are cut off (and validity with them). */
  maxPeriods?: number;
  minChargingRateKw?: number;
}

export function chooseRateUnit(
  supply: ElectricalSupply,
  supported: ChargingRateUnit[] = ['A', 'W'],
  preferred?: ChargingRateUnit,
): ChargingRateUnit {
  if (supply.currentType === 'DC') {
    if (!supported.includes('W')) throw new Error('DC schedules need rate unit W, which the charger does not support');
    return 'W';
  }
  const wanted = preferred ?? 'A';
  if (supported.includes(wanted)) return wanted;
  const other: ChargingRateUnit = wanted === 'A' ? 'W' : 'A';
  if (supported.includes(other)) return other;
  throw new Error('the charger supports neither A nor W');
}

function assertPurposeTarget(req: PowerProfileRequest): void {
  // 1.6 §3.13.1 / K01: ChargePointMaxProfile and ChargingStationMaxProfile only on connector/EVSE 0.
  if (req.purpose === 'StationMax' && req.evseId !== 0) throw new Error('a station max profile must target EVSE 0');
  if (req.purpose === 'Tx') {
    if (req.evseId <= 0) throw new Error('a TxProfile must target an EVSE > 0 (K01.FR.16)');
    if (req.transactionId === undefined) throw new Error('a TxProfile needs a transactionId (K01.FR.03)');
  }
  if (!Number.isInteger(req.stackLevel) || req.stackLevel < 0) throw new Error('stackLevel must be an integer >= 0');
}

function limitIn(unit: ChargingRateUnit, powerW: number, supply: ElectricalSupply): number {
  if (unit === 'W') return roundWatts(powerW);
  return roundAmps(wattsToAmps(powerW, supplyPhases(supply), supply.nominalVoltageV ?? DEFAULT_VOLTAGE_V));
}

export function buildPowerProfile(req: PowerProfileRequest): NeutralChargingProfile {
  assertPurposeTarget(req);
  const rateUnit = chooseRateUnit(req.supply, req.supportedRateUnits, req.preferredRateUnit);
  const { start, durationSeconds, periods: periodsW } = periodsFromSlots(req.slots);
  const numberPhases = req.supply.currentType === 'AC' ? supplyPhases(req.supply) : undefined;

  let periods: NeutralSchedulePeriod[] = mergeEqualPeriods(
    periodsW.map((p) => ({
      startSeconds: p.startSeconds,
      limit: limitIn(rateUnit, p.powerW, req.supply),
      numberPhases,
    })),
  );
  let scheduleSeconds = durationSeconds;
  if (req.maxPeriods !== undefined && periods.length > req.maxPeriods) {
    scheduleSeconds = periods[req.maxPeriods].startSeconds;
    periods = periods.slice(0, req.maxPeriods);
  }
  const scheduleEnd = new Date(start.getTime() + scheduleSeconds * 1000);
  const validTo = req.validTo && req.validTo < scheduleEnd ? req.validTo : scheduleEnd;

  return {
    id: req.profileId,
    stackLevel: req.stackLevel,
    purpose: req.purpose,
    // Always Absolute with startSchedule (K01.FR.40, 1.6 §7.8): Max profiles may never be Relative (K01.FR.38), and a
    // planned schedule is tied to wall-clock slots anyway.
    kind: 'Absolute',
    validFrom: req.validFrom ?? start,
    validTo,
    transactionId: req.transactionId === undefined ? undefined : String(req.transactionId),
    evseId: req.evseId,
    schedule: {
      startSchedule: start,
      durationSeconds: scheduleSeconds,
      rateUnit,
      minChargingRate:
        req.minChargingRateKw === undefined ? undefined : limitIn(rateUnit, req.minChargingRateKw * 1000, req.supply),
      periods,
    },
  };
}
