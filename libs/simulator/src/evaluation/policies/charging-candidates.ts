import type { StepView } from '../evaluation-types';

/** A plugged vehicle or present session that can take power this step, with what the orderings need. */
export interface ChargingCandidate {
  id: string;
  limitKw: number;
  pluggedAtMinutes: number;
  /** Minute by which its energy is needed (session: departure; vehicle: see `vehicleDeadlines`). */
  deadlineMinutes: number;
  /** Energy still wanted, grid side (kWh). */
  needKwh: number;
}

/**
 * Everything plugged with a positive limit, except `departing` vehicles. A vehicle's deadline follows the
 * most-energy rule: ranked by energy, the i-th vehicle of a type is the one that serves the i-th upcoming vehicle
 * slot of that type's tasks, so its deadline is that task's start (the end of the day if none is left).
 */
export function chargingCandidates(view: StepView, departing: ReadonlySet<string>): ChargingCandidate[] {
  const candidates: ChargingCandidate[] = [];
  const deadlines = vehicleDeadlines(view, departing);
  for (const vehicle of view.vehicles) {
    const limitKw = view.limitKw.get(vehicle.spec.id) ?? 0;
    if (limitKw <= 0 || departing.has(vehicle.spec.id) || vehicle.chargerId === undefined) continue;
    candidates.push({
      id: vehicle.spec.id,
      limitKw,
      pluggedAtMinutes: vehicle.pluggedAtMinutes ?? 0,
      deadlineMinutes: deadlines.get(vehicle.spec.id) ?? Number.MAX_SAFE_INTEGER,
      needKwh: (vehicle.maxKwh - vehicle.energyKwh) / (vehicle.spec.chargeEfficiency ?? 1),
    });
  }
  for (const session of view.sessions) {
    const limitKw = view.limitKw.get(session.spec.id) ?? 0;
    if (limitKw <= 0) continue;
    candidates.push({
      id: session.spec.id,
      limitKw,
      pluggedAtMinutes: session.arrivalMinutes,
      deadlineMinutes: session.departureMinutes,
      needKwh: (session.targetKwh - session.energyKwh) / (session.spec.chargeEfficiency ?? 1),
    });
  }
  return candidates;
}

function vehicleDeadlines(view: StepView, departing: ReadonlySet<string>): Map<string, number> {
  const deadlines = new Map<string, number>();
  const types = new Set(view.vehicles.map((vehicle) => vehicle.spec.type));
  for (const type of types) {
    const slots = view.openTasks
      .filter((task) => task.spec.vehicleType === type && !task.vehicleIds.length)
      .flatMap((task) => Array.from({ length: task.vehiclesNeeded }, () => task.startMinutes));
    const ranked = view.vehicles
      .filter((vehicle) => vehicle.spec.type === type && !departing.has(vehicle.spec.id))
      .sort((a, b) => b.energyKwh - a.energyKwh || a.spec.id.localeCompare(b.spec.id));
    ranked.forEach((vehicle, rank) => {
      if (rank < slots.length) deadlines.set(vehicle.spec.id, Math.max(vehicle.busyUntilMinutes, slots[rank]));
    });
  }
  return deadlines;
}
