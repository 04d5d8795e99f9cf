import { Env, integerIn } from '../../config/app-config';

/** Tunables of fleet state; defaults suit production, tests shorten the intervals. */
export interface SocTrackingOptions {
  /** How long a changed estimator may stay unwritten (it is also written on shutdown). */
  persistDelayMs: number;
  /** Events older than this are folded into the estimator's checkpoint. */
  retentionHours: number;
  /** Telemetry stamped further ahead of our clock than this is refused. */
  maxClockSkewSeconds: number;
  /** How often assignments of tasks are checked for a done status; 0 = never. */
  taskPollMs: number;
  /** After a task ends, how long to wait for the direct reading that gives its SoC drop. */
  observationWindowHours: number;
  /** 1.6 MeterValueSampleInterval / 2.0.1 TxUpdatedInterval configured at boot. */
  meterSampleIntervalSeconds: number;
  /** A booted charger is configured this long after its BootNotification was answered. */
  bootConfigDelayMs: number;
}

export const SOC_TRACKING_OPTIONS = Symbol('SOC_TRACKING_OPTIONS');

export const DEFAULT_SOC_TRACKING_OPTIONS: SocTrackingOptions = {
  persistDelayMs: 1000,
  retentionHours: 24,
  maxClockSkewSeconds: 120,
  taskPollMs: 30_000,
  observationWindowHours: 6,
  meterSampleIntervalSeconds: 60,
  bootConfigDelayMs: 500,
};

/** `APRON_FLEET_*` overrides; a wrong value stops start-up naming the variable (ConfigError). */
export function loadSocTrackingOptions(env: Env = process.env): SocTrackingOptions {
  const d = DEFAULT_SOC_TRACKING_OPTIONS;
  return {
    persistDelayMs: integerIn(env, 'APRON_FLEET_PERSIST_DELAY_MS', d.persistDelayMs, 0, 3_600_000),
    retentionHours: integerIn(env, 'APRON_FLEET_RETENTION_HOURS', d.retentionHours, 1, 24 * 365),
    maxClockSkewSeconds: integerIn(env, 'APRON_FLEET_MAX_CLOCK_SKEW_SECONDS', d.maxClockSkewSeconds, 0, 86_400),
    // 0 turns polling off (tests drive task completions themselves).
    taskPollMs: integerIn(env, 'APRON_FLEET_TASK_POLL_MS', d.taskPollMs, 0, 3_600_000),
    observationWindowHours: integerIn(env, 'APRON_FLEET_OBSERVATION_WINDOW_HOURS', d.observationWindowHours, 1, 168),
    meterSampleIntervalSeconds: integerIn(
      env,
      'APRON_FLEET_METER_SAMPLE_INTERVAL_SECONDS',
      d.meterSampleIntervalSeconds,
      1,
      3600,
    ),
    bootConfigDelayMs: integerIn(env, 'APRON_FLEET_BOOT_CONFIG_DELAY_MS', d.bootConfigDelayMs, 0, 60_000),
  };
}
