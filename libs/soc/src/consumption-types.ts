import { EwStats, FrozenMean } from './ew-stats';

export interface ConsumptionLearnerConfig {
  /** Weight of a new sample in the exponentially weighted mean and variance. */
  alpha: number;
  /** Samples before a vehicle's estimate is used for prediction and drift. */
  minSamplesToTrust: number;
  /** Once trusted, samples are clipped to mean ± this many sigmas before they are learned. */
  outlierSigmas: number;
  /** Floor on the sigma used for clipping, as a fraction of the mean (a steady vehicle has a tiny variance). */
  minRelativeSigma: number;
  /** The vehicle's own reference is the mean of its first this many samples (until `resetBaseline`). */
  baselineSamples: number;
  /** Drift when the current mean departs from the reference by more than this fraction. */
  driftThresholdFraction: number;
  /** Other trusted vehicles needed for a comparison with the fleet. */
  minFleetVehicles: number;
}

export const CONSUMPTION_LEARNER_DEFAULTS: ConsumptionLearnerConfig = {
  alpha: 0.2,
  minSamplesToTrust: 5,
  outlierSigmas: 3,
  minRelativeSigma: 0.05,
  baselineSamples: 20,
  driftThresholdFraction: 0.15,
  minFleetVehicles: 3,
};

/**
 * One served task. Energy is `energyKwh` if known, else `socDropPercent` × `batteryKwh` / 100 from direct readings
 * taken just before and after the task (not from the estimator, which already assumes a consumption).
 */
export interface ConsumptionObservation {
  vehicleId: string;
  taskKind: string;
  energyKwh?: number;
  socDropPercent?: number;
  batteryKwh?: number;
  distanceKm?: number;
}

export type ConsumptionObserveResult =
  | { accepted: true; energyKwh: number; clipped: boolean }
  | { accepted: false; reason: 'no-energy' | 'non-positive-energy'; message: string };

/** A learned quantity; its unit is in the field that holds it (`kwhPerTask`, `kwhPerKm`). */
export interface ConsumptionStat {
  mean: number;
  sigma: number;
  samples: number;
  trusted: boolean;
}

export interface ConsumptionEstimate {
  vehicleId: string;
  taskKind: string;
  kwhPerTask: ConsumptionStat;
  kwhPerKm: ConsumptionStat | null;
}

export type ConsumptionMetric = 'kwh-per-task' | 'kwh-per-km';

export interface ConsumptionDrift {
  vehicleId: string;
  taskKind: string;
  metric: ConsumptionMetric;
  versus: 'own-baseline' | 'fleet';
  currentValue: number;
  referenceValue: number;
  /** currentValue / referenceValue; above 1 means the vehicle now needs more energy. */
  ratio: number;
}

/** Per vehicle and task kind; plain data so the learner serialises as is. */
export interface ConsumptionRecord {
  vehicleId: string;
  taskKind: string;
  kwhPerTask: EwStats;
  kwhPerKm: EwStats;
  baselineKwhPerTask: FrozenMean;
  baselineKwhPerKm: FrozenMean;
  clippedSamples: number;
}

export interface ConsumptionLearnerJson {
  version: 1;
  config: ConsumptionLearnerConfig;
  records: ConsumptionRecord[];
}
