import { DEFAULT_PLAN_INPUT_OPTIONS, PlanInputOptions } from './plan-input.builder';

export const SCHEDULING_OPTIONS = Symbol('SCHEDULING_OPTIONS');

export interface SchedulingOptions {
  /** Default tick; a site's own tickSeconds wins (APRON_TICK_SECONDS). */
  tickSeconds: number;
  /** Hard limit of one solve; the planner falls back when it is reached. */
  solveTimeLimitSeconds: number;
  /** A failed tick keeps the last good plan at most this long. */
  maxKeepMinutes: number;
  /** Plan runs older than this are deleted, except each site's current plan (APRON_PLAN_RETENTION_DAYS). */
  retentionDays: number;
  planInput: PlanInputOptions;
  /** Registers the interval ticks; off lets tests drive ticks themselves. */
  autoStart: boolean;
  /** A charger that refused Apron's profiles is asked again after this many minutes (APRON_CONTROL_RETRY_MINUTES). */
  controlRetryMinutes: number;
}

export function defaultSchedulingOptions(tickSeconds: number, retentionDays: number): SchedulingOptions {
  return {
    tickSeconds,
    solveTimeLimitSeconds: Math.max(2, Math.min(30, Math.floor(tickSeconds / 2))),
    maxKeepMinutes: 15,
    retentionDays,
    planInput: DEFAULT_PLAN_INPUT_OPTIONS,
    autoStart: true,
    controlRetryMinutes: 15,
  };
}
