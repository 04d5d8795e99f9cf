import { ConsumptionLearner } from './consumption-learner';

export interface TaskEnergyQuery {
  vehicleId: string;
  taskKind: string;
  /** The task's own energy, when the schedule states it; always wins. */
  statedEnergyKwh?: number | null;
  distanceKm?: number | null;
}

/** Configured consumption, used when nothing trusted has been learned. */
export interface TaskEnergyFallbacks {
  vehicleKwhPerKm?: number | null;
  vehicleKwhPerTask?: number | null;
  fleetDefaultKwhPerKm?: number | null;
  fleetDefaultKwhPerTask?: number | null;
}

export type TaskEnergySource =
  'stated' | 'learned-per-km' | 'learned-per-task' | 'vehicle-config' | 'fleet-learned' | 'fleet-default' | 'none';

export interface TaskEnergyPrediction {
  energyKwh: number;
  /** 1-sigma when known (learned values), else null. */
  sigmaKwh: number | null;
  source: TaskEnergySource;
}

/**
 * Energy a vehicle will need for a task: stated, else learned for this vehicle and task kind (per km when the
 * distance is known), else the vehicle's configured consumption, else the fleet's learned median, else the fleet
 * default, else 0 with source `none` (the scenario format's default task energy).
 */
export function predictTaskEnergyKwh(
  learner: ConsumptionLearner | null,
  query: TaskEnergyQuery,
  fallbacks: TaskEnergyFallbacks = {},
): TaskEnergyPrediction {
  if (isKnown(query.statedEnergyKwh)) return { energyKwh: query.statedEnergyKwh, sigmaKwh: 0, source: 'stated' };
  const distanceKm = isKnown(query.distanceKm) ? query.distanceKm : null;
  const learned = learner?.estimate(query.vehicleId, query.taskKind) ?? null;
  if (learned?.kwhPerKm?.trusted && distanceKm !== null) {
    const perKm = learned.kwhPerKm;
    return { energyKwh: perKm.mean * distanceKm, sigmaKwh: perKm.sigma * distanceKm, source: 'learned-per-km' };
  }
  if (learned?.kwhPerTask.trusted) {
    return { energyKwh: learned.kwhPerTask.mean, sigmaKwh: learned.kwhPerTask.sigma, source: 'learned-per-task' };
  }
  const fromVehicle = configured(fallbacks.vehicleKwhPerKm, fallbacks.vehicleKwhPerTask, distanceKm);
  if (fromVehicle !== null) return { energyKwh: fromVehicle, sigmaKwh: null, source: 'vehicle-config' };
  if (learner !== null) {
    const fleetPerKm = learner.fleetMedian(query.taskKind, 'kwhPerKm');
    const fleetPerTask = learner.fleetMedian(query.taskKind, 'kwhPerTask');
    const fromFleet = configured(fleetPerKm.value, fleetPerTask.value, distanceKm);
    if (fromFleet !== null) return { energyKwh: fromFleet, sigmaKwh: null, source: 'fleet-learned' };
  }
  const fromDefault = configured(fallbacks.fleetDefaultKwhPerKm, fallbacks.fleetDefaultKwhPerTask, distanceKm);
  if (fromDefault !== null) return { energyKwh: fromDefault, sigmaKwh: null, source: 'fleet-default' };
  return { energyKwh: 0, sigmaKwh: null, source: 'none' };
}

function configured(
  kwhPerKm: number | null | undefined,
  kwhPerTask: number | null | undefined,
  distanceKm: number | null,
): number | null {
  if (isKnown(kwhPerKm) && distanceKm !== null) return kwhPerKm * distanceKm;
  if (isKnown(kwhPerTask)) return kwhPerTask;
  return null;
}

function isKnown(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value) && value >= 0;
}
