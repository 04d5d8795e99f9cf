import { SocReadingSource } from './soc-types';

export interface SocEstimatorConfig {
  batteryKwh: number;
  /** Battery-side energy per metered kWh (0–1]. */
  chargeEfficiency: number;
  /** Standby drain while not on a task. */
  idleDrainKwhPerHour: number;
  /** Used for task events that give a distance but no energy or consumption of their own. */
  consumptionKwhPerKm: number | null;
  /** Prior before any reading; its uncertainty is `maxUncertaintyPercent`. */
  initialSocPercent: number;
  /** Measurement noise, 1-sigma, per source. */
  readingSigmaPercent: Record<SocReadingSource, number>;
  /** Random-walk process noise: variance grows by this² per hour without a reading. */
  timeNoisePercentPerSqrtHour: number;
  /** Energy-integration noise: variance grows by this² (kWh²) per kWh moved in or out. */
  energyNoiseKwhPerSqrtKwh: number;
  /** Cap on the reported uncertainty (a uniform guess over 0–100 % has sigma ≈ 29). */
  maxUncertaintyPercent: number;
  staleAfterMinutes: number;
  /** A reading further than this many sigmas from the expectation flags a disagreement. */
  disagreementSigmas: number;
  disagreementHoldMinutes: number;
  /** Beyond this many stored events the oldest half is folded into the checkpoint. */
  maxEvents: number;
}

export type SocEstimatorOptions = { batteryKwh: number } & Partial<
  Omit<SocEstimatorConfig, 'batteryKwh' | 'readingSigmaPercent'>
> & { readingSigmaPercent?: Partial<Record<SocReadingSource, number>> };

export const SOC_ESTIMATOR_DEFAULTS: Omit<SocEstimatorConfig, 'batteryKwh'> = {
  chargeEfficiency: 1,
  idleDrainKwhPerHour: 0,
  consumptionKwhPerKm: null,
  initialSocPercent: 50,
  readingSigmaPercent: { charger: 1.5, telematics: 3 },
  timeNoisePercentPerSqrtHour: 1,
  energyNoiseKwhPerSqrtKwh: 0.3,
  maxUncertaintyPercent: 30,
  staleAfterMinutes: 60,
  disagreementSigmas: 3,
  disagreementHoldMinutes: 60,
  maxEvents: 2000,
};

export function resolveSocConfig(options: SocEstimatorOptions): SocEstimatorConfig {
  const config: SocEstimatorConfig = {
    ...SOC_ESTIMATOR_DEFAULTS,
    ...dropUndefined(options),
    batteryKwh: options.batteryKwh,
    readingSigmaPercent: {
      ...SOC_ESTIMATOR_DEFAULTS.readingSigmaPercent,
      ...dropUndefined(options.readingSigmaPercent),
    },
  };
  validateSocConfig(config);
  return config;
}

function dropUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function validateSocConfig(config: SocEstimatorConfig): void {
  requirePositive('batteryKwh', config.batteryKwh);
  if (!(config.chargeEfficiency > 0 && config.chargeEfficiency <= 1)) {
    throw new RangeError(`chargeEfficiency must be in (0, 1], got ${config.chargeEfficiency}`);
  }
  requireNonNegative('idleDrainKwhPerHour', config.idleDrainKwhPerHour);
  if (config.consumptionKwhPerKm !== null) requireNonNegative('consumptionKwhPerKm', config.consumptionKwhPerKm);
  requirePercent('initialSocPercent', config.initialSocPercent);
  requirePositive('readingSigmaPercent.charger', config.readingSigmaPercent.charger);
  requirePositive('readingSigmaPercent.telematics', config.readingSigmaPercent.telematics);
  requireNonNegative('timeNoisePercentPerSqrtHour', config.timeNoisePercentPerSqrtHour);
  requireNonNegative('energyNoiseKwhPerSqrtKwh', config.energyNoiseKwhPerSqrtKwh);
  requirePositive('maxUncertaintyPercent', config.maxUncertaintyPercent);
  requirePositive('staleAfterMinutes', config.staleAfterMinutes);
  requirePositive('disagreementSigmas', config.disagreementSigmas);
  requireNonNegative('disagreementHoldMinutes', config.disagreementHoldMinutes);
  if (!Number.isInteger(config.maxEvents) || config.maxEvents < 2) {
    throw new RangeError(`maxEvents must be an integer ≥ 2, got ${config.maxEvents}`);
  }
}

export function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${value}`);
}

export function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
}

export function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be ≥ 0, got ${value}`);
}

export function requirePercent(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 100)) {
    throw new RangeError(`${name} must be within 0–100, got ${value}`);
  }
}
