import { SocEstimatorConfig } from './soc-config';
import { SocLogEntry } from './soc-event-log';
import { SocDisagreement, SocReadingSource } from './soc-types';

/** The 1-D Kalman filter's state after some prefix of the event log. Plain data: it is also the checkpoint. */
export interface SocFilterState {
  /** Time of the last step; null before the first event. */
  atMs: number | null;
  socPercent: number;
  variancePercent2: number;
  /** Sum of the drain rates of tasks in progress. */
  taskDrainKwhPerHour: number;
  activeTasks: number;
  lastReading: { atMs: number; source: SocReadingSource; socPercent: number } | null;
  lastDisagreement: SocDisagreement | null;
}

const MS_PER_HOUR = 3_600_000;

export function initialFilterState(config: SocEstimatorConfig): SocFilterState {
  return {
    atMs: null,
    socPercent: config.initialSocPercent,
    variancePercent2: config.maxUncertaintyPercent ** 2,
    taskDrainKwhPerHour: 0,
    activeTasks: 0,
    lastReading: null,
    lastDisagreement: null,
  };
}

/** Predict step: drain (idle or task) and process noise from the state's time to `toMs`. */
export function advanceTo(state: SocFilterState, toMs: number, config: SocEstimatorConfig): SocFilterState {
  if (state.atMs === null) return { ...state, atMs: toMs };
  const hours = (toMs - state.atMs) / MS_PER_HOUR;
  if (hours <= 0) return state;
  const drainKwhPerHour = state.activeTasks > 0 ? state.taskDrainKwhPerHour : config.idleDrainKwhPerHour;
  const movedKwh = drainKwhPerHour * hours;
  const timeVariance = config.timeNoisePercentPerSqrtHour ** 2 * hours;
  return {
    ...state,
    atMs: toMs,
    socPercent: clampPercent(state.socPercent - kwhToPercent(movedKwh, config)),
    variancePercent2: capVariance(state.variancePercent2 + timeVariance + energyVariance(movedKwh, config), config),
  };
}

/** Applies one log entry at its own time (the state must already be advanced to it). */
export function applyEntry(state: SocFilterState, entry: SocLogEntry, config: SocEstimatorConfig): SocFilterState {
  switch (entry.kind) {
    case 'energy':
      return {
        ...state,
        socPercent: clampPercent(state.socPercent + kwhToPercent(entry.batteryKwh, config)),
        variancePercent2: capVariance(state.variancePercent2 + energyVariance(entry.batteryKwh, config), config),
      };
    case 'task-start':
      return {
        ...state,
        activeTasks: state.activeTasks + 1,
        taskDrainKwhPerHour: state.taskDrainKwhPerHour + entry.drainKwhPerHour,
      };
    case 'task-end': {
      const activeTasks = Math.max(0, state.activeTasks - 1);
      // Reset to exactly zero so rounding residue from += / -= never leaks into idle periods.
      const taskDrainKwhPerHour =
        activeTasks === 0 ? 0 : Math.max(0, state.taskDrainKwhPerHour - entry.drainKwhPerHour);
      return { ...state, activeTasks, taskDrainKwhPerHour };
    }
    case 'reading':
      return applyReading(state, entry, config);
  }
}

function applyReading(
  state: SocFilterState,
  reading: Extract<SocLogEntry, { kind: 'reading' }>,
  config: SocEstimatorConfig,
): SocFilterState {
  const measurementVariance = config.readingSigmaPercent[reading.source] ** 2;
  const innovationPercent = reading.socPercent - state.socPercent;
  const sigmas = Math.abs(innovationPercent) / Math.sqrt(state.variancePercent2 + measurementVariance);
  // A reading this far out means the model drifted (a task used more energy than predicted), not that the battery
  // management system is wrong: the prior's variance is widened to cover the gap, so the estimate follows the reading
  // at once instead of creeping towards it over the next readings while the planner works with a stale figure.
  const priorVariance =
    sigmas > config.disagreementSigmas
      ? Math.max(state.variancePercent2, innovationPercent ** 2 - measurementVariance)
      : state.variancePercent2;
  const innovationVariance = priorVariance + measurementVariance;
  const gain = priorVariance / innovationVariance;
  const updated = state.socPercent + gain * innovationPercent;
  // Rounding must never carry the estimate past the reading or back past the prior.
  const low = Math.min(state.socPercent, reading.socPercent);
  const high = Math.max(state.socPercent, reading.socPercent);
  const lastDisagreement: SocDisagreement | null =
    sigmas > config.disagreementSigmas
      ? {
          atMs: reading.atMs,
          source: reading.source,
          readingPercent: reading.socPercent,
          expectedPercent: state.socPercent,
          sigmas,
        }
      : state.lastDisagreement;
  return {
    ...state,
    socPercent: Math.min(high, Math.max(low, updated)),
    variancePercent2: (1 - gain) * priorVariance,
    lastReading: { atMs: reading.atMs, source: reading.source, socPercent: reading.socPercent },
    lastDisagreement,
  };
}

function kwhToPercent(energyKwh: number, config: SocEstimatorConfig): number {
  return (energyKwh / config.batteryKwh) * 100;
}

function energyVariance(movedKwh: number, config: SocEstimatorConfig): number {
  const kwhVariance = config.energyNoiseKwhPerSqrtKwh ** 2 * Math.abs(movedKwh);
  return kwhVariance * (100 / config.batteryKwh) ** 2;
}

function capVariance(variancePercent2: number, config: SocEstimatorConfig): number {
  return Math.min(variancePercent2, config.maxUncertaintyPercent ** 2);
}

export function clampPercent(percent: number): number {
  return Math.min(100, Math.max(0, percent));
}
