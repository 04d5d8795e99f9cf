import { requireNonNegative, requirePositive } from './soc-config';
import {
  CONSUMPTION_LEARNER_DEFAULTS,
  ConsumptionEstimate,
  ConsumptionLearnerConfig,
  ConsumptionLearnerJson,
  ConsumptionObservation,
  ConsumptionObserveResult,
  ConsumptionRecord,
  ConsumptionStat,
} from './consumption-types';
import { emptyEwStats, EwStats, median, updateEwStats, updateFrozenMean } from './ew-stats';

/** Observed energy of a task from the SoC drop across it. */
export function observedEnergyKwhFromSocDrop(socDropPercent: number, batteryKwh: number): number {
  return (socDropPercent * batteryKwh) / 100;
}

/**
 * Learns energy per task and per km for each vehicle and task kind. Feed observations in the order the tasks
 * happened: an exponentially weighted estimate depends on order by design (recent tasks count more).
 */
export class ConsumptionLearner {
  readonly config: ConsumptionLearnerConfig;
  private readonly records = new Map<string, ConsumptionRecord>();

  constructor(options: Partial<ConsumptionLearnerConfig> = {}) {
    this.config = { ...CONSUMPTION_LEARNER_DEFAULTS, ...options };
    validateLearnerConfig(this.config);
  }

  static fromJSON(json: ConsumptionLearnerJson): ConsumptionLearner {
    if (json.version !== 1) throw new RangeError(`unsupported consumption learner version ${String(json.version)}`);
    const learner = new ConsumptionLearner(json.config);
    for (const record of json.records)
      learner.records.set(recordKey(record.vehicleId, record.taskKind), structuredClone(record));
    return learner;
  }

  toJSON(): ConsumptionLearnerJson {
    return { version: 1, config: { ...this.config }, records: structuredClone([...this.records.values()]) };
  }

  observe(observation: ConsumptionObservation): ConsumptionObserveResult {
    const energyKwh = observationEnergyKwh(observation);
    if (energyKwh === null) {
      return { accepted: false, reason: 'no-energy', message: 'give energyKwh, or socDropPercent with batteryKwh' };
    }
    if (!(energyKwh > 0)) {
      return { accepted: false, reason: 'non-positive-energy', message: `observed energy ${energyKwh} kWh is not > 0` };
    }
    const record = this.recordFor(observation.vehicleId, observation.taskKind);
    const perTask = this.clip(record.kwhPerTask, energyKwh);
    record.kwhPerTask = updateEwStats(record.kwhPerTask, perTask, this.config.alpha);
    record.baselineKwhPerTask = updateFrozenMean(record.baselineKwhPerTask, perTask, this.config.baselineSamples);
    let clipped = perTask !== energyKwh;
    if (observation.distanceKm !== undefined && observation.distanceKm > 0) {
      const sample = energyKwh / observation.distanceKm;
      const perKm = this.clip(record.kwhPerKm, sample);
      record.kwhPerKm = updateEwStats(record.kwhPerKm, perKm, this.config.alpha);
      record.baselineKwhPerKm = updateFrozenMean(record.baselineKwhPerKm, perKm, this.config.baselineSamples);
      clipped = clipped || perKm !== sample;
    }
    if (clipped) record.clippedSamples++;
    return { accepted: true, energyKwh, clipped };
  }

  estimate(vehicleId: string, taskKind: string): ConsumptionEstimate | null {
    const record = this.records.get(recordKey(vehicleId, taskKind));
    if (record === undefined) return null;
    return {
      vehicleId,
      taskKind,
      kwhPerTask: this.toStat(record.kwhPerTask),
      kwhPerKm: record.kwhPerKm.samples > 0 ? this.toStat(record.kwhPerKm) : null,
    };
  }

  /** Median over vehicles whose estimate for this task kind is trusted; `except` leaves one vehicle out. */
  fleetMedian(taskKind: string, metric: 'kwhPerTask' | 'kwhPerKm', except?: string): FleetMedian {
    const means = this.recordsOfKind(taskKind)
      .filter((record) => record.vehicleId !== except && this.isTrusted(record[metric]))
      .map((record) => record[metric].mean);
    return { value: median(means), vehicles: means.length };
  }

  /** All records, for drift checks and reports. */
  allRecords(): readonly ConsumptionRecord[] {
    return [...this.records.values()];
  }

  /** Start a new own-baseline, e.g. after a battery replacement or repair. */
  resetBaseline(vehicleId: string, taskKind?: string): void {
    for (const record of this.records.values()) {
      if (record.vehicleId !== vehicleId || (taskKind !== undefined && record.taskKind !== taskKind)) continue;
      record.baselineKwhPerTask = { samples: 0, mean: 0 };
      record.baselineKwhPerKm = { samples: 0, mean: 0 };
    }
  }

  isTrusted(stats: EwStats): boolean {
    return stats.samples >= this.config.minSamplesToTrust;
  }

  private recordsOfKind(taskKind: string): ConsumptionRecord[] {
    return [...this.records.values()].filter((record) => record.taskKind === taskKind);
  }

  private clip(stats: EwStats, sample: number): number {
    if (!this.isTrusted(stats)) return sample;
    const sigma = Math.max(Math.sqrt(stats.variance), this.config.minRelativeSigma * Math.abs(stats.mean));
    const spread = this.config.outlierSigmas * sigma;
    return Math.min(stats.mean + spread, Math.max(stats.mean - spread, sample));
  }

  private toStat(stats: EwStats): ConsumptionStat {
    return {
      mean: stats.mean,
      sigma: Math.sqrt(stats.variance),
      samples: stats.samples,
      trusted: this.isTrusted(stats),
    };
  }

  private recordFor(vehicleId: string, taskKind: string): ConsumptionRecord {
    const key = recordKey(vehicleId, taskKind);
    let record = this.records.get(key);
    if (record === undefined) {
      record = {
        vehicleId,
        taskKind,
        kwhPerTask: emptyEwStats(),
        kwhPerKm: emptyEwStats(),
        baselineKwhPerTask: { samples: 0, mean: 0 },
        baselineKwhPerKm: { samples: 0, mean: 0 },
        clippedSamples: 0,
      };
      this.records.set(key, record);
    }
    return record;
  }
}

export interface FleetMedian {
  value: number | null;
  vehicles: number;
}

function recordKey(vehicleId: string, taskKind: string): string {
  return JSON.stringify([vehicleId, taskKind]);
}

function observationEnergyKwh(observation: ConsumptionObservation): number | null {
  if (observation.energyKwh !== undefined) return observation.energyKwh;
  if (observation.socDropPercent === undefined || observation.batteryKwh === undefined) return null;
  requirePositive('batteryKwh', observation.batteryKwh);
  return observedEnergyKwhFromSocDrop(observation.socDropPercent, observation.batteryKwh);
}

function validateLearnerConfig(config: ConsumptionLearnerConfig): void {
  if (!(config.alpha > 0 && config.alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${config.alpha}`);
  requirePositive('minSamplesToTrust', config.minSamplesToTrust);
  requirePositive('outlierSigmas', config.outlierSigmas);
  requireNonNegative('minRelativeSigma', config.minRelativeSigma);
  requirePositive('baselineSamples', config.baselineSamples);
  requirePositive('driftThresholdFraction', config.driftThresholdFraction);
  requirePositive('minFleetVehicles', config.minFleetVehicles);
}
