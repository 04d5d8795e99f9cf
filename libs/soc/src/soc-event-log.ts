import { requireFinite, requireNonNegative, requirePercent, SocEstimatorConfig } from './soc-config';
import { SocInputEvent, SocReadingSource } from './soc-types';

/** What the filter replays: input events normalised to battery-side energy and drain rates. */
export type SocLogEntry =
  | { kind: 'reading'; atMs: number; source: SocReadingSource; socPercent: number; key: string }
  | { kind: 'energy'; atMs: number; batteryKwh: number; key: string | null }
  | { kind: 'task-start' | 'task-end'; atMs: number; drainKwhPerHour: number; key: string | null };

const MS_PER_HOUR = 3_600_000;

export function toLogEntries(event: SocInputEvent, config: SocEstimatorConfig): SocLogEntry[] {
  switch (event.kind) {
    case 'reading':
      if (event.source !== 'charger' && event.source !== 'telematics') {
        throw new RangeError(`unknown reading source: ${String(event.source)}`);
      }
      requireFinite('atMs', event.atMs);
      requirePercent('socPercent', event.socPercent);
      return [
        {
          kind: 'reading',
          atMs: event.atMs,
          source: event.source,
          socPercent: event.socPercent,
          key: event.id ?? `${event.source}@${event.atMs}`,
        },
      ];
    case 'energy-delivered':
      requireFinite('atMs', event.atMs);
      requireNonNegative('energyKwh', event.energyKwh);
      return [
        {
          kind: 'energy',
          atMs: event.atMs,
          batteryKwh: event.energyKwh * config.chargeEfficiency,
          key: event.id ?? null,
        },
      ];
    case 'task':
      return taskEntries(event.startMs, event.endMs, taskEnergyKwh(event, config), event.id ?? null);
    default:
      throw new RangeError(`unknown SoC event kind: ${(event as { kind: unknown }).kind}`);
  }
}

function taskEnergyKwh(event: Extract<SocInputEvent, { kind: 'task' }>, config: SocEstimatorConfig): number {
  if (event.energyKwh !== undefined) {
    requireNonNegative('energyKwh', event.energyKwh);
    return event.energyKwh;
  }
  const consumptionKwhPerKm = event.consumptionKwhPerKm ?? config.consumptionKwhPerKm;
  if (event.distanceKm === undefined || consumptionKwhPerKm === null) {
    throw new RangeError('a task event needs energyKwh, or distanceKm with a consumption per km');
  }
  requireNonNegative('distanceKm', event.distanceKm);
  requireNonNegative('consumptionKwhPerKm', consumptionKwhPerKm);
  return event.distanceKm * consumptionKwhPerKm;
}

function taskEntries(startMs: number, endMs: number, energyKwh: number, key: string | null): SocLogEntry[] {
  requireFinite('startMs', startMs);
  requireFinite('endMs', endMs);
  if (endMs < startMs) throw new RangeError(`task endMs ${endMs} is before startMs ${startMs}`);
  if (endMs === startMs) return [{ kind: 'energy', atMs: startMs, batteryKwh: -energyKwh, key }];
  const drainKwhPerHour = energyKwh / ((endMs - startMs) / MS_PER_HOUR);
  return [
    { kind: 'task-start', atMs: startMs, drainKwhPerHour, key },
    { kind: 'task-end', atMs: endMs, drainKwhPerHour, key },
  ];
}

const RANK: Record<SocLogEntry['kind'], number> = { 'task-end': 0, 'task-start': 1, energy: 2, reading: 3 };

/**
 * A total order on entries: equal only when the entries are interchangeable. Replaying in this order makes the
 * result independent of arrival order, down to the last floating-point bit. Energy before readings at one instant
 * because a meter sample's SoC already reflects the energy sampled with it.
 */
export function compareLogEntries(a: SocLogEntry, b: SocLogEntry): number {
  if (a.atMs !== b.atMs) return a.atMs - b.atMs;
  if (RANK[a.kind] !== RANK[b.kind]) return RANK[a.kind] - RANK[b.kind];
  const byValue = entryValue(a) - entryValue(b);
  if (byValue !== 0) return byValue;
  if (a.kind === 'reading' && b.kind === 'reading' && a.source !== b.source) return a.source < b.source ? -1 : 1;
  const keyA = a.key ?? '';
  const keyB = b.key ?? '';
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

function entryValue(entry: SocLogEntry): number {
  if (entry.kind === 'reading') return entry.socPercent;
  if (entry.kind === 'energy') return entry.batteryKwh;
  return entry.drainKwhPerHour;
}

/** Time-ordered entries with idempotency keys. */
export class SocEventLog {
  private readonly keyCounts = new Map<string, number>();

  constructor(private entriesSorted: SocLogEntry[] = []) {
    this.entriesSorted.sort(compareLogEntries);
    for (const entry of this.entriesSorted) this.countKey(entry.key, 1);
  }

  get entries(): readonly SocLogEntry[] {
    return this.entriesSorted;
  }

  hasKey(key: string | null): boolean {
    return key !== null && this.keyCounts.has(key);
  }

  /** Inserts each entry at its place; returns the lowest index that changed. */
  insert(entries: SocLogEntry[]): number {
    let lowest = this.entriesSorted.length;
    for (const entry of entries) {
      const index = this.upperBound(entry);
      this.entriesSorted.splice(index, 0, entry);
      this.countKey(entry.key, 1);
      lowest = Math.min(lowest, index);
    }
    return lowest;
  }

  /** Index of the last entry at or before `atMs`, or -1. */
  lastIndexAtOrBefore(atMs: number): number {
    let low = 0;
    let high = this.entriesSorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.entriesSorted[mid].atMs <= atMs) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  /** Removes the first `count` entries. */
  dropFirst(count: number): void {
    for (const entry of this.entriesSorted.slice(0, count)) this.countKey(entry.key, -1);
    this.entriesSorted = this.entriesSorted.slice(count);
  }

  private upperBound(entry: SocLogEntry): number {
    let low = 0;
    let high = this.entriesSorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareLogEntries(this.entriesSorted[mid], entry) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private countKey(key: string | null, delta: number): void {
    if (key === null) return;
    const next = (this.keyCounts.get(key) ?? 0) + delta;
    if (next > 0) this.keyCounts.set(key, next);
    else this.keyCounts.delete(key);
  }
}
