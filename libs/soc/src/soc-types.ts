/** Inputs and outputs of the state-of-charge estimator. Times are epoch milliseconds (UTC), SoC in percent. */

export type SocReadingSource = 'charger' | 'telematics';

/** A direct SoC reading: OCPP SoC measurand (charger, only while plugged) or a telematics report. */
export interface SocReadingEvent {
  kind: 'reading';
  source: SocReadingSource;
  atMs: number;
  socPercent: number;
  /** Idempotency key; defaults to `source@atMs`, so a resent reading is ignored. */
  id?: string;
}

/** Energy measured by the charger's meter (a register delta), before the vehicle's charge efficiency. */
export interface EnergyDeliveredEvent {
  kind: 'energy-delivered';
  atMs: number;
  energyKwh: number;
  /** Idempotency key (e.g. `txId:seqNo`); without one every event counts. */
  id?: string;
}

/**
 * A task the vehicle served. Its energy is drawn evenly from `startMs` to `endMs` (the planner's convention).
 * Energy is `energyKwh` if given, else `distanceKm` × (`consumptionKwhPerKm` or the vehicle's configured one).
 */
export interface TaskEnergyEvent {
  kind: 'task';
  startMs: number;
  endMs: number;
  energyKwh?: number;
  distanceKm?: number;
  consumptionKwhPerKm?: number;
  /** Idempotency key, e.g. the task id. */
  id?: string;
}

export type SocInputEvent = SocReadingEvent | EnergyDeliveredEvent | TaskEnergyEvent;

export type SocAddResult =
  { accepted: true } | { accepted: false; reason: 'duplicate' | 'before-checkpoint'; message: string };

/** Why the disagreement flag is raised: a reading far from what the filter expected at that moment. */
export interface SocDisagreement {
  atMs: number;
  source: SocReadingSource;
  readingPercent: number;
  expectedPercent: number;
  /** |reading − expected| in units of the innovation's standard deviation. */
  sigmas: number;
}

export interface SocEstimate {
  atMs: number;
  /** Clamped to 0–100. */
  socPercent: number;
  /** One standard deviation, percent points. */
  uncertaintyPercent: number;
  lastDirectReadingMs: number | null;
  lastDirectReadingSource: SocReadingSource | null;
  lastDirectReadingPercent: number | null;
  /** No direct reading yet, or none for longer than `staleAfterMinutes`. */
  stale: boolean;
  /** A reading disagreed beyond tolerance within the last `disagreementHoldMinutes`. */
  disagreement: boolean;
  lastDisagreement: SocDisagreement | null;
  /** A task's energy is being drawn at `atMs`. */
  onTask: boolean;
}
