/** Tunables of fleet state; defaults suit production, tests shorten the intervals. */
export interface FleetStateOptions {
  /** How long a changed estimator may stay unwritten (it is also written on shutdown). */
  persistDelayMs: number;
  /** Events older than this are folded into the estimator's checkpoint. */
  retentionHours: number;
  /** Telemetry stamped further ahead of our clock than this is refused. */
  maxClockSkewSeconds: number;
  /** How often assignments of tasks are checked for a done status. */
  taskPollMs: number;
  /** After a task ends, how long to wait for the direct reading that gives its SoC drop. */
  observationWindowHours: number;
  /** 1.6 MeterValueSampleInterval / 2.0.1 TxUpdatedInterval configured at boot. */
  meterSampleIntervalSeconds: number;
  /** A booted charger is configured this long after its BootNotification was answered. */
  bootConfigDelayMs: number;
}

export const FLEET_STATE_OPTIONS = Symbol('FLEET_STATE_OPTIONS');

export const DEFAULT_FLEET_STATE_OPTIONS: FleetStateOptions = {
  persistDelayMs: 1000,
  retentionHours: 24,
  maxClockSkewSeconds: 120,
  taskPollMs: 30_000,
  observationWindowHours: 6,
  meterSampleIntervalSeconds: 60,
  bootConfigDelayMs: 500,
};

/** `APRON_FLEET_*` overrides; unset or invalid values keep the default. */
export function loadFleetStateOptions(env: NodeJS.ProcessEnv = process.env): FleetStateOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  const d = DEFAULT_FLEET_STATE_OPTIONS;
  return {
    persistDelayMs: number('APRON_FLEET_PERSIST_DELAY_MS', d.persistDelayMs),
    retentionHours: number('APRON_FLEET_RETENTION_HOURS', d.retentionHours),
    maxClockSkewSeconds: number('APRON_FLEET_MAX_CLOCK_SKEW_SECONDS', d.maxClockSkewSeconds),
    taskPollMs: number('APRON_FLEET_TASK_POLL_MS', d.taskPollMs),
    observationWindowHours: number('APRON_FLEET_OBSERVATION_WINDOW_HOURS', d.observationWindowHours),
    meterSampleIntervalSeconds: number('APRON_FLEET_METER_SAMPLE_INTERVAL_SECONDS', d.meterSampleIntervalSeconds),
    bootConfigDelayMs: number('APRON_FLEET_BOOT_CONFIG_DELAY_MS', d.bootConfigDelayMs),
  };
}
