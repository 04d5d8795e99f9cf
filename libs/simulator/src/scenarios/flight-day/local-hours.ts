/**
 * Local time at the generated Guangdong sites (Asia/Shanghai, UTC+8 all year: China has no daylight saving time, so a
 * fixed offset is exact).
 */
export const GUANGDONG_UTC_OFFSET_MS = 8 * 3_600_000;

/** Local hour of day (0–24, fractional) of an instant. */
export function localHourOf(at: Date | number): number {
  const ms = (typeof at === 'number' ? at : at.getTime()) + GUANGDONG_UTC_OFFSET_MS;
  return (((ms % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000;
}

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
