import { TaskEnergyFallbacks } from '@apron/soc';

/** Learned consumption is kept per vehicle type: a task's kind is the type of vehicle it needs. */
export function taskKindOf(vehicleType: string): string {
  return vehicleType;
}

interface ConfiguredConsumption {
  type: string;
  consumptionKwhPerKm: number | null;
  consumptionKwhPerTask: number | null;
}

/** The vehicle's own configured consumption, and the median over same-type vehicles as the fleet default. */
export function energyFallbacks(
  vehicle: ConfiguredConsumption | null,
  sameType: ConfiguredConsumption[],
): TaskEnergyFallbacks {
  return {
    vehicleKwhPerKm: vehicle?.consumptionKwhPerKm ?? null,
    vehicleKwhPerTask: vehicle?.consumptionKwhPerTask ?? null,
    fleetDefaultKwhPerKm: median(sameType.map((v) => v.consumptionKwhPerKm)),
    fleetDefaultKwhPerTask: median(sameType.map((v) => v.consumptionKwhPerTask)),
  };
}

function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 === 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
}

/**
 * The SoC drop over a task from direct readings: the last reading at or before its start and the first at or after
 * its end. Null when either is missing.
 */
export function socDropPercent(
  readings: { atMs: number; socPercent: number }[],
  startMs: number,
  endMs: number,
): { dropPercent: number; beforeMs: number; afterMs: number } | null {
  const before = readings.filter((r) => r.atMs <= startMs).sort((a, b) => b.atMs - a.atMs)[0];
  const after = readings.filter((r) => r.atMs >= endMs).sort((a, b) => a.atMs - b.atMs)[0];
  if (!before || !after) return null;
  return { dropPercent: before.socPercent - after.socPercent, beforeMs: before.atMs, afterMs: after.atMs };
}
