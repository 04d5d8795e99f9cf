import { requireFinite, requireNonNegative } from './soc-config';

/** A task the estimator has not been told of yet (not done): its energy is drawn evenly from start to end. */
export interface PendingTaskDraw {
  startMs: number;
  endMs: number;
  energyKwh: number;
  /** 1-sigma of `energyKwh` when known. */
  sigmaKwh?: number | null;
}

export interface EnergyNotInEstimateQuery {
  /** The time of the SoC estimate. */
  fromMs: number;
  /** Up to when, e.g. the start of the next task; `fromMs` for what is already missing now. */
  untilMs: number;
  tasks: PendingTaskDraw[];
  idleDrainKwhPerHour: number;
  /** The estimate's last direct reading: it already shows what a task that started before it drew up to `fromMs`. */
  lastDirectReadingMs: number | null;
}

export interface EnergyNotInEstimate {
  energyKwh: number;
  /** The tasks' sigmas, each scaled to the share counted, added in quadrature. */
  sigmaKwh: number;
}

const HOUR_MS = 3600_000;

/**
 * Energy the vehicle draws that its SoC estimate at `fromMs` does not hold, up to `untilMs`: the share of each pending
 * task from its start (or from `fromMs` when a direct reading since its start already shows the draw so far) to
 * `untilMs`, plus idle drain over the time in `fromMs`–`untilMs` that no task covers (the estimator drains only up
 * to its estimate). Feed the result to `predictSocAtPercent`. The drain the estimator applied during a pending task
 * before `fromMs` is not given back: a bus's standby drain is small beside a task's.
 */
export function energyNotInEstimateKwh(query: EnergyNotInEstimateQuery): EnergyNotInEstimate {
  const { fromMs, untilMs, lastDirectReadingMs } = query;
  requireFinite('fromMs', fromMs);
  requireFinite('untilMs', untilMs);
  requireNonNegative('idleDrainKwhPerHour', query.idleDrainKwhPerHour);
  let energyKwh = 0;
  let variance = 0;
  for (const task of query.tasks) {
    requireNonNegative('energyKwh', task.energyKwh);
    const counted = lastDirectReadingMs !== null && lastDirectReadingMs >= task.startMs;
    const share = shareDrawn(task, counted ? Math.max(fromMs, task.startMs) : task.startMs, untilMs);
    energyKwh += task.energyKwh * share;
    variance += ((task.sigmaKwh ?? 0) * share) ** 2;
  }
  const idleMs = Math.max(0, untilMs - fromMs) - coveredMs(query.tasks, fromMs, untilMs);
  energyKwh += (query.idleDrainKwhPerHour * idleMs) / HOUR_MS;
  return { energyKwh, sigmaKwh: Math.sqrt(variance) };
}

/** Share of a task's energy drawn between `fromMs` and `untilMs`; a zero-length task draws all of it at its start. */
function shareDrawn(task: PendingTaskDraw, fromMs: number, untilMs: number): number {
  const spanMs = task.endMs - task.startMs;
  if (spanMs <= 0) return fromMs <= task.startMs && task.startMs <= untilMs ? 1 : 0;
  const overlapMs = Math.min(task.endMs, untilMs) - Math.max(task.startMs, fromMs);
  return Math.min(1, Math.max(0, overlapMs / spanMs));
}

/** Milliseconds of `fromMs`–`untilMs` inside at least one task. */
function coveredMs(tasks: PendingTaskDraw[], fromMs: number, untilMs: number): number {
  const spans = tasks
    .map((task) => [Math.max(task.startMs, fromMs), Math.min(task.endMs, untilMs)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reachedMs = -Infinity;
  for (const [start, end] of spans) {
    if (end <= reachedMs) continue;
    covered += end - Math.max(start, reachedMs);
    reachedMs = end;
  }
  return covered;
}
