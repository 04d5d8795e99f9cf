import type { Tariff } from '../../sites/site.entity';
import { ruleCovers } from '../../sites/tariff-schedule';
import {
  GUANGDONG_UTC_OFFSET_MS as UTC_OFFSET_MS,
  localHourOf,
} from '../../../libs/simulator/src/scenarios/flight-day';

/**
 * Local time and tariff of the demo's sites, both in Guangdong (Asia/Shanghai, UTC+8 all year: China has no daylight
 * saving time, so a fixed offset is exact).
 */
export const DEMO_TIME_ZONE = 'Asia/Shanghai';

/** `date` (YYYY-MM-DD) at local `hhmm` (HH:MM) as an instant. */
export function localTime(date: string, hhmm: string): Date {
  return new Date(Date.parse(`${date}T${hhmm}:00Z`) - UTC_OFFSET_MS);
}

/** Local HH:MM of an instant. */
export function localHhmm(at: Date): string {
  return new Date(at.getTime() + UTC_OFFSET_MS).toISOString().slice(11, 16);
}

/**
 * A Guangdong-style industrial time-of-use tariff (Pearl River Delta pattern): peak 10–12 and 14–19, flat 08–10,
 * 12–14 and 19–24, valley 00–08. Prices are round illustrative figures in CNY/kWh.
 */
export const GUANGDONG_TARIFF: Pick<Tariff, 'currency' | 'timeOfUse'> = {
  currency: 'CNY',
  timeOfUse: [
    { band: 'valley', startLocal: '00:00', endLocal: '08:00', pricePerKwh: 0.28 },
    { band: 'flat', startLocal: '08:00', endLocal: '10:00', pricePerKwh: 0.65 },
    { band: 'peak', startLocal: '10:00', endLocal: '12:00', pricePerKwh: 1.05 },
    { band: 'flat', startLocal: '12:00', endLocal: '14:00', pricePerKwh: 0.65 },
    { band: 'peak', startLocal: '14:00', endLocal: '19:00', pricePerKwh: 1.05 },
    { band: 'flat', startLocal: '19:00', endLocal: '24:00', pricePerKwh: 0.65 },
  ],
};

/** Price of GUANGDONG_TARIFF at an instant, CNY/kWh. */
export function guangdongPriceAt(at: Date): number {
  const minute = localHourOf(at) * 60;
  const local = new Date(at.getTime() + UTC_OFFSET_MS);
  const isoWeekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const rule = GUANGDONG_TARIFF.timeOfUse.find((r) => ruleCovers(r, isoWeekday, minute));
  return rule?.pricePerKwh ?? 0;
}
