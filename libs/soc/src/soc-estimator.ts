import { requireFinite, resolveSocConfig, SocEstimatorConfig, SocEstimatorOptions } from './soc-config';
import { SocEventLog, SocLogEntry, toLogEntries } from './soc-event-log';
import { advanceTo, applyEntry, initialFilterState, SocFilterState } from './soc-filter';
import { SocAddResult, SocEstimate, SocInputEvent, SocReadingEvent } from './soc-types';

export const SOC_ESTIMATOR_JSON_VERSION = 1;

/** Everything needed to restore an estimator; plain JSON. */
export interface SocEstimatorJson {
  version: typeof SOC_ESTIMATOR_JSON_VERSION;
  config: SocEstimatorConfig;
  checkpoint: SocFilterState;
  entries: SocLogEntry[];
}

const MS_PER_MINUTE = 60_000;

/**
 * State of charge of one vehicle from readings and energy flows that arrive in any order.
 * Keeps a time-ordered log after a checkpoint and replays it through a 1-D Kalman filter, so the answer depends only
 * on the set of events, never on their arrival order.
 */
export class SocEstimator {
  readonly config: SocEstimatorConfig;
  private checkpoint: SocFilterState;
  private readonly log: SocEventLog;
  /** statesAfter[i] is the filter state after log entry i; valid for i < statesAfter.length. */
  private statesAfter: SocFilterState[] = [];

  constructor(options: SocEstimatorOptions) {
    this.config = resolveSocConfig(options);
    this.checkpoint = initialFilterState(this.config);
    this.log = new SocEventLog();
  }

  static fromJSON(json: SocEstimatorJson): SocEstimator {
    if (json.version !== SOC_ESTIMATOR_JSON_VERSION) {
      throw new RangeError(`unsupported SoC estimator state version ${String(json.version)}`);
    }
    const estimator = new SocEstimator(json.config);
    estimator.checkpoint = structuredClone(json.checkpoint);
    estimator.log.insert(structuredClone(json.entries));
    return estimator;
  }

  toJSON(): SocEstimatorJson {
    return {
      version: SOC_ESTIMATOR_JSON_VERSION,
      config: structuredClone(this.config),
      checkpoint: structuredClone(this.checkpoint),
      entries: structuredClone([...this.log.entries]),
    };
  }

  /** Time of the newest event folded into the checkpoint; events at or before it are refused. */
  get checkpointMs(): number | null {
    return this.checkpoint.atMs;
  }

  get eventCount(): number {
    return this.log.entries.length;
  }

  /** Throws RangeError on invalid input (SoC outside 0–100, negative energy, non-finite times). */
  add(event: SocInputEvent): SocAddResult {
    const entries = toLogEntries(event, this.config);
    const key = entries[0].key;
    if (this.log.hasKey(key)) {
      return { accepted: false, reason: 'duplicate', message: `event ${key} is already recorded` };
    }
    const earliestMs = Math.min(...entries.map((entry) => entry.atMs));
    if (this.checkpoint.atMs !== null && earliestMs <= this.checkpoint.atMs) {
      return {
        accepted: false,
        reason: 'before-checkpoint',
        message: `event at ${earliestMs} is at or before the checkpoint at ${this.checkpoint.atMs}`,
      };
    }
    const changedFrom = this.log.insert(entries);
    this.statesAfter.length = Math.min(this.statesAfter.length, changedFrom);
    if (this.log.entries.length > this.config.maxEvents) this.compactOldestHalf();
    return { accepted: true };
  }

  addAll(events: Iterable<SocInputEvent>): SocAddResult[] {
    return [...events].map((event) => this.add(event));
  }

  estimateAt(atMs: number): SocEstimate {
    requireFinite('atMs', atMs);
    if (this.checkpoint.atMs !== null && atMs < this.checkpoint.atMs) {
      throw new RangeError(`cannot estimate at ${atMs}, before the checkpoint at ${this.checkpoint.atMs}`);
    }
    const state = advanceTo(this.stateAfter(this.log.lastIndexAtOrBefore(atMs)), atMs, this.config);
    return this.toEstimate(state, atMs);
  }

  /** Direct readings still in the log with `fromMs ≤ atMs ≤ toMs`, in time order (e.g. the SoC drop over a task). */
  readingsBetween(fromMs: number, toMs: number): SocReadingEvent[] {
    return this.log.entries.flatMap((entry): SocReadingEvent[] =>
      entry.kind === 'reading' && entry.atMs >= fromMs && entry.atMs <= toMs
        ? [{ kind: 'reading', source: entry.source, atMs: entry.atMs, socPercent: entry.socPercent, id: entry.key }]
        : [],
    );
  }

  /** Folds every event at or before `atMs` into the checkpoint; returns how many log entries were folded. */
  compact(atMs: number): number {
    const lastIndex = this.log.lastIndexAtOrBefore(atMs);
    if (lastIndex < 0) return 0;
    this.checkpoint = this.stateAfter(lastIndex);
    this.log.dropFirst(lastIndex + 1);
    this.statesAfter = this.statesAfter.slice(lastIndex + 1);
    return lastIndex + 1;
  }

  private compactOldestHalf(): void {
    // Folding everything up to the middle entry's time always folds at least half the log.
    this.compact(this.log.entries[Math.floor(this.config.maxEvents / 2)].atMs);
  }

  private stateAfter(index: number): SocFilterState {
    if (index < 0) return this.checkpoint;
    const entries = this.log.entries;
    for (let i = this.statesAfter.length; i <= index; i++) {
      const previous = i === 0 ? this.checkpoint : this.statesAfter[i - 1];
      this.statesAfter.push(applyEntry(advanceTo(previous, entries[i].atMs, this.config), entries[i], this.config));
    }
    return this.statesAfter[index];
  }

  private toEstimate(state: SocFilterState, atMs: number): SocEstimate {
    const lastReading = state.lastReading;
    const disagreement = state.lastDisagreement;
    return {
      atMs,
      socPercent: state.socPercent,
      uncertaintyPercent: Math.sqrt(state.variancePercent2),
      lastDirectReadingMs: lastReading?.atMs ?? null,
      lastDirectReadingSource: lastReading?.source ?? null,
      lastDirectReadingPercent: lastReading?.socPercent ?? null,
      stale: lastReading === null || atMs - lastReading.atMs > this.config.staleAfterMinutes * MS_PER_MINUTE,
      disagreement:
        disagreement !== null && atMs - disagreement.atMs <= this.config.disagreementHoldMinutes * MS_PER_MINUTE,
      lastDisagreement: disagreement,
      onTask: state.activeTasks > 0,
    };
  }
}
