import type { PublicSessionState } from '../site-snapshot';
import { definedOnly } from '../../common/defined-only';

/** Used to turn an energy amount into a target SoC when the car did not send its capacity. */
export const ASSUMED_PUBLIC_BATTERY_KWH = 60;

/** What the stored session holds of the car's ISO 15118 charging needs (OCPP 2.0.1 NotifyEVChargingNeeds, K15). */
export interface StoredNeeds {
  /** Latest SoC from meter values. */
  lastSocPercent: number | null;
  evDepartureAt: Date | null;
  evEnergyAmountWh: number | null;
  /** The request's ChargingNeedsType as received. */
  evChargingNeeds: Record<string, unknown> | null;
}

type Needs = Pick<PublicSessionState, 'batteryKwh' | 'socPercent' | 'targetSocPercent' | 'departure' | 'maxChargeKw'>;

/**
 * A public session's planner needs from what the car told the station. DCChargingParametersType may carry
 * stateOfCharge, evEnergyCapacity (Wh) and evMaxPower (W); AC cars send only energyAmount (Wh). The target is the SoC
 * the requested energy reaches from the SoC the car had when it asked; without its SoC then, from the latest metered
 * one.
 */
export function needsOfSession(session: StoredNeeds): Needs {
  const dc = objectAt(session.evChargingNeeds, 'dcChargingParameters');
  const needsSocPercent = percentAt(dc, 'stateOfCharge');
  const capacityWh = positiveAt(dc, 'evEnergyCapacity');
  const maxPowerW = positiveAt(dc, 'evMaxPower');
  const batteryKwh = capacityWh !== undefined ? capacityWh / 1000 : undefined;
  const socPercent = session.lastSocPercent ?? needsSocPercent;
  const fromPercent = needsSocPercent ?? socPercent;
  const targetSocPercent =
    fromPercent !== undefined && session.evEnergyAmountWh !== null
      ? Math.min(
          100,
          fromPercent + (session.evEnergyAmountWh / 1000 / (batteryKwh ?? ASSUMED_PUBLIC_BATTERY_KWH)) * 100,
        )
      : undefined;
  return definedOnly({
    batteryKwh,
    socPercent,
    targetSocPercent: targetSocPercent !== undefined ? Math.round(targetSocPercent * 10) / 10 : undefined,
    departure: session.evDepartureAt ?? undefined,
    maxChargeKw: maxPowerW !== undefined ? maxPowerW / 1000 : undefined,
  });
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  const inner = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : undefined;
}

function positiveAt(value: Record<string, unknown> | undefined, key: string): number | undefined {
  const number = value?.[key];
  return typeof number === 'number' && Number.isFinite(number) && number > 0 ? number : undefined;
}

function percentAt(value: Record<string, unknown> | undefined, key: string): number | undefined {
  const number = value?.[key];
  return typeof number === 'number' && number >= 0 && number <= 100 ? number : undefined;
}
