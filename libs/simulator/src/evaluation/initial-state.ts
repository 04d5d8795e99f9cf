import type { PlanInput } from '@apron/planner';
import type { SessionState, SiteDay, TaskState, VehicleState } from './evaluation-types';

export function initialVehicles(input: PlanInput): VehicleState[] {
  const startMs = Date.parse(input.start);
  return (input.vehicles ?? []).map((spec) => ({
    spec,
    energyKwh: (spec.socPercent * spec.batteryKwh) / 100,
    minKwh: ((spec.minSocPercent ?? 20) * spec.batteryKwh) / 100,
    maxKwh: ((spec.maxSocPercent ?? 100) * spec.batteryKwh) / 100,
    busyUntilMinutes: spec.availableFrom ? Math.max(0, (Date.parse(spec.availableFrom) - startMs) / 60_000) : 0,
    chargerId: spec.pluggedInto,
    pluggedAtMinutes: spec.pluggedInto ? 0 : undefined,
  }));
}

/** Tasks starting within the day, in start order. */
export function initialTasks(input: PlanInput, dayMinutes: number): TaskState[] {
  const startMs = Date.parse(input.start);
  return (input.tasks ?? [])
    .map((spec) => ({
      spec,
      startMinutes: (Date.parse(spec.start) - startMs) / 60_000,
      durationMinutes: (Date.parse(spec.end) - Date.parse(spec.start)) / 60_000,
      vehiclesNeeded: spec.vehiclesNeeded ?? 1,
      energyKwhPerVehicle: spec.energyKwhPerVehicle ?? 0,
      status: 'open' as const,
      vehicleIds: [],
    }))
    .filter((task) => task.startMinutes >= 0 && task.startMinutes < dayMinutes)
    .sort((a, b) => a.startMinutes - b.startMinutes || a.spec.id.localeCompare(b.spec.id));
}

/** Public sessions in arrival order, with the energy they hold on arrival and their target. */
export function initialSessions(day: SiteDay): SessionState[] {
  return [...day.arrivals]
    .sort((a, b) => a.arrivalMinutes - b.arrivalMinutes)
    .map(({ session, arrivalMinutes, departureMinutes }) => ({
      spec: session,
      arrivalMinutes,
      departureMinutes,
      energyKwh: (session.socPercent * session.batteryKwh) / 100,
      targetKwh: ((session.targetSocPercent ?? 80) * session.batteryKwh) / 100,
    }));
}
