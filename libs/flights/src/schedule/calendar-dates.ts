/** Calendar dates as whole days since 1970-01-01 (UTC), so periods expand without time zones in the way. */

const DAY_MS = 86_400_000;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Days since the epoch of a real calendar date, or null (31FEB, month 13, ...). */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/** SSIM date `09JUN05` (two-digit years are 19xx from 70, else 20xx); null if it is no date. */
export function parseSsimDate(text: string): number | null {
  const match = /^(\d{2})([A-Z]{3})(\d{2})$/.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]) + 1;
  const shortYear = Number(match[3]);
  return dayNumber(shortYear >= 70 ? 1900 + shortYear : 2000 + shortYear, month, Number(match[1]));
}

/** `YYYY-MM-DD`, or null. */
export function parseIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? dayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Midnight UTC of a day, in epoch milliseconds. */
export function dayStartMs(day: number): number {
  return day * DAY_MS;
}
