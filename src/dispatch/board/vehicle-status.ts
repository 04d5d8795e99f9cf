import { ChargeInstruction, chargeInstruction } from './charge-instructions';
import { boundariesMs, EffectivePlan, predictedSocPercent, slotIndexAt, vehicleTasks } from './plan-timeline';

export type VehicleStatus = 'out-of-service' | 'on-task' | 'charging' | 'plugged' | 'idle' | 'not-in-plan';

export interface VehicleFacts {
  fleetNumber: string;
  inService: boolean;
  /** The task it left the depot for and is not back from (recorded assignment), whether or not the plan has it. */
  awayOnTask?: string | null;
}

export interface NextAssignment {
  taskId: string;
  /** When the vehicle leaves the depot for it: the plan's task start (the site's lead before the task). */
  departAt: string;
  start: string;
  end: string;
}

export interface VehiclePlanStatus {
  status: VehicleStatus;
  /** The charger the plan saw it plugged into. */
  pluggedInto: string | null;
  /** The charger the plan charges it at in the current slot. */
  chargingAt: string | null;
  onTask: string | null;
  predictedSocPercentNow: number | null;
  nextAssignment: NextAssignment | null;
  nextCharge: ChargeInstruction | null;
}

/** What the plan says one vehicle is doing now and does next. */
export function vehiclePlanStatus(
  vehicle: VehicleFacts,
  plan: EffectivePlan | null,
  nowMs: number,
  site: { timeZone: string },
  taskStarts: ReadonlyMap<string, Date>,
): VehiclePlanStatus {
  const planned = plan?.input.vehicles?.find((candidate) => candidate.id === vehicle.fleetNumber);
  if (!plan || !planned) {
    return {
      status: vehicle.inService ? 'not-in-plan' : 'out-of-service',
      pluggedInto: null,
      chargingAt: null,
      onTask: null,
      predictedSocPercentNow: null,
      nextAssignment: null,
      nextCharge: null,
    };
  }
  const mine = vehicleTasks(plan, vehicle.fleetNumber);
  // Once all its vehicles have left, a task is out of the plan: the recorded departure still says where they are.
  const onTask =
    mine.find((task) => Date.parse(task.start) <= nowMs && nowMs < Date.parse(task.end))?.id ??
    vehicle.awayOnTask ??
    null;
  const next = mine.find((task) => Date.parse(task.start) > nowMs) ?? null;
  const slot = slotIndexAt(boundariesMs(plan.input), nowMs);
  const chargingRow = plan.result.charging.find(
    (row) => 'vehicleId' in row && row.vehicleId === vehicle.fleetNumber && (row.kw[slot] ?? 0) > 0,
  );
  const pluggedInto = planned.pluggedInto ?? null;
  const chargingAt = chargingRow?.chargerId ?? null;
  const status: VehicleStatus = !vehicle.inService
    ? 'out-of-service'
    : onTask
      ? 'on-task'
      : chargingAt
        ? 'charging'
        : pluggedInto
          ? 'plugged'
          : 'idle';
  return {
    status,
    pluggedInto,
    chargingAt,
    onTask,
    predictedSocPercentNow: predictedSocPercent(plan, vehicle.fleetNumber, nowMs),
    nextAssignment: next && vehicle.inService ? nextAssignment(next, taskStarts.get(next.id)) : null,
    nextCharge: vehicle.inService ? chargeInstruction(plan, vehicle.fleetNumber, nowMs, site.timeZone) : null,
  };
}

/**
 * The plan's task starts at the departure; the task's own start is the stored one (by flightRef), as the site's lead
 * may have changed since the plan; without a stored task, the departure.
 */
function nextAssignment(task: { id: string; start: string; end: string }, start: Date | undefined): NextAssignment {
  const departAt = new Date(Date.parse(task.start)).toISOString();
  return { taskId: task.id, departAt, start: start?.toISOString() ?? departAt, end: task.end };
}
