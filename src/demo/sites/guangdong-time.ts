import type { Tariff } from '../../sites/site.entity';
import { ruleCovers } from '../../sites/tariff-schedule';

/**
 * Local time and tariff of the demo's sites, both in Guangdong (Asia/Shanghai, UTC+8 all year: China has no daylight
 * saving time, so a fixed offset is exact).
 */
export const DEMO_TIME_ZONE = 'Asia/Shanghai';
const UTC_OFFSET_MS = 8 * 3_600_000;

/** `date` (YYYY-MM-DD) at local `hhmm` (HH:MM) as an instant. */
export function localTime(date: string, hhmm: string): Date {
  return new Date(Date.parse(`${date}T${hhmm}:00Z`) - UTC_OFFSET_MS);
}

/** Local hour of day (0–24, fractional) of an instant. */
export function localHourOf(at: Date | number): number {
  const ms = (typeof at === 'number' ? at : at.getTime()) + UTC_OFFSET_MS;
  return (((ms % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000;
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

/** Draws an instant in [fromMs, toMs) whose local hour follows `weightOfHour` (a rate per local hour). */
export function drawByLocalHour(
  next: () => number,
  fromMs: number,
  toMs: number,
  weightOfHour: (hour: number) => number,
): number {
  const stepMs = 60_000;
  const weights: number[] = [];
  let total = 0;
  for (let t = fromMs; t < toMs; t += stepMs) {
    total += weightOfHour(Math.floor(localHourOf(t)));
    weights.push(total);
  }
  const roll = next() * total;
  const index = weights.findIndex((cumulative) => cumulative > roll);
  return fromMs + Math.max(0, index) * stepMs;
}

/** The share of a day's events (at `weightOfHour` per local hour) that falls in [fromMs, toMs). */
export function shareOfDay(fromMs: number, toMs: number, weightOfHour: (hour: number) => number): number {
  const dayWeight = Array.from({ length: 24 }, (_, hour) => weightOfHour(hour)).reduce((a, b) => a + b, 0);
  let windowWeight = 0;
  for (let t = fromMs; t < toMs; t += 60_000) windowWeight += weightOfHour(Math.floor(localHourOf(t))) / 60;
  return windowWeight / dayWeight;
}

/** Price of GUANGDONG_TARIFF at an instant, CNY/kWh. */
export function guangdongPriceAt(at: Date): number {
  const minute = localHourOf(at) * 60;
  const local = new Date(at.getTime() + UTC_OFFSET_MS);
  const isoWeekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const rule = GUANGDONG_TARIFF.timeOfUse.find((r) => ruleCovers(r, isoWeekday, minute));
  return rule?.pricePerKwh ?? 0;
}
