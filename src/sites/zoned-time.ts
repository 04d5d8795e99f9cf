/** Local wall-clock time in an IANA zone, without a date library (Intl gives the offsets). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
}

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (UTC+8 gives +28,800,000). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show the given local time. A time skipped by a DST jump
 * maps to the instant after the jump; a repeated time maps to its first occurrence.
 */
export function localToEpochMs(
  year: number,
  month: number,
  day: number,
  minuteOfDay: number,
  timeZone: string,
): number {
  const wallAsUtc = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const firstGuess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  const secondGuess = wallAsUtc - zoneOffsetMs(firstGuess, timeZone);
  const earlier = Math.min(firstGuess, secondGuess);
  return wallAsUtc - zoneOffsetMs(earlier, timeZone) === earlier ? earlier : Math.max(firstGuess, secondGuess);
}
