import type { PlanInput, SessionInput, TaskInput, VehicleInput } from '@apron/planner';
import { slotLayout } from '../../scenarios/airport-day.scenario';
import { isoPlusMinutes } from '../../scenarios/random';
import type { StepView } from '../evaluation-types';

/**
 * Scenario v1 from the simulation state at `view.minutes`: the service's tick builds the same thing from live state.
 * Idle plugged vehicles are `pluggedInto` their charger; busy ones become `availableFrom` their return; open tasks
 * in the horizon go in, late ones moved to now (they can still be served, late).
 */
export function scenarioFromState(view: StepView, horizonMinutes: number): PlanInput {
  const start = isoPlusMinutes(view.startIso, view.minutes);
  const vehicles: VehicleInput[] = view.vehicles.map((vehicle) => {
    const row: VehicleInput = {
      ...vehicle.spec,
      socPercent: clampPercent((100 * vehicle.energyKwh) / vehicle.spec.batteryKwh),
      availableFrom: undefined,
      pluggedInto: undefined,
    };
    if (vehicle.busyUntilMinutes > view.minutes) {
      row.availableFrom = isoPlusMinutes(view.startIso, vehicle.busyUntilMinutes);
    } else if (vehicle.chargerId !== undefined) {
      row.pluggedInto = vehicle.chargerId;
    }
    return dropUndefined(row);
  });
  const tasks: TaskInput[] = view.openTasks
    .filter((task) => task.startMinutes < view.minutes + horizonMinutes)
    .map((task) => {
      const startMinutes = Math.max(task.startMinutes, view.minutes);
      return {
        ...task.spec,
        start: isoPlusMinutes(view.startIso, startMinutes),
        end: isoPlusMinutes(view.startIso, startMinutes + task.durationMinutes),
      };
    });
  const sessions: SessionInput[] = view.sessions.map((session) => ({
    ...session.spec,
    socPercent: clampPercent((100 * session.energyKwh) / session.spec.batteryKwh),
    // Rounded down to the step grid: the planner may plan full power in the slot of departure, which the EV leaves.
    departure: isoPlusMinutes(
      view.startIso,
      Math.max(
        view.minutes + view.stepMinutes,
        view.stepMinutes * Math.floor(session.departureMinutes / view.stepMinutes),
      ),
    ),
  }));
  return {
    version: 1,
    site: view.site,
    start,
    slots: slotLayout(horizonMinutes, view.stepMinutes),
    pricePerKwh: view.pricePerKwh,
    chargers: view.chargers,
    vehicles,
    tasks,
    sessions,
  };
}

function clampPercent(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;
}

function dropUndefined<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined)) as T;
}
