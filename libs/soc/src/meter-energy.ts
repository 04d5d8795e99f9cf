import { requireFinite } from './soc-config';

/** OCPP `Energy.Active.Import.Register` units (1.6 `unit`, 2.0.1 `unitOfMeasure.unit`, default Wh). */
export type EnergyUnit = 'Wh' | 'kWh';

export function meterValueToKwh(value: number, unit: EnergyUnit = 'Wh'): number {
  requireFinite('meter value', value);
  return unit === 'kWh' ? value : value / 1000;
}

/**
 * Energy between two register readings of one transaction, in time order. A register that went backwards (a meter
 * replaced or reset mid-transaction) yields null: the caller decides, nothing is silently counted twice.
 */
export function meterRegisterDeltaKwh(previousKwh: number, currentKwh: number): number | null {
  requireFinite('previousKwh', previousKwh);
  requireFinite('currentKwh', currentKwh);
  return currentKwh >= previousKwh ? currentKwh - previousKwh : null;
}
