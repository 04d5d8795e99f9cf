import { FieldError } from '../common/field-errors';

export interface TaskVehicleLists {
  pinnedVehicles: string[];
  forbiddenVehicles: string[];
}

export interface SiteVehicle {
  fleetNumber: string;
  type: string;
}

/** A vehicle a dispatcher names on a task must be at the task's site and of the type the task needs. */
export function namedVehicleViolations(
  fleetNumber: string,
  task: { vehicleType: string },
  siteVehicles: SiteVehicle[],
): FieldError[] {
  const vehicle = siteVehicles.find((candidate) => candidate.fleetNumber === fleetNumber);
  if (!vehicle) return [{ field: 'vehicle', messages: [`vehicle ${fleetNumber} is not a vehicle of this site`] }];
  if (vehicle.type !== task.vehicleType) {
    const message = `vehicle ${fleetNumber} is a ${vehicle.type}; the task needs a ${task.vehicleType}`;
    return [{ field: 'vehicle', messages: [message] }];
  }
  return [];
}

/** No vehicle both pinned and forbidden, and no more pins than vehicles needed; reported on `field`. */
export function vehicleListViolations(
  task: TaskVehicleLists & { vehiclesNeeded: number },
  field: string,
): FieldError[] {
  const messages: string[] = [];
  const both = task.pinnedVehicles.filter((vehicle) => task.forbiddenVehicles.includes(vehicle));
  for (const vehicle of both) messages.push(`vehicle ${vehicle} cannot be both pinned and forbidden on a task`);
  if (task.pinnedVehicles.length > task.vehiclesNeeded) {
    messages.push(
      `${task.pinnedVehicles.length} vehicles pinned but the task needs only ${task.vehiclesNeeded}: unpin one first`,
    );
  }
  return messages.length > 0 ? [{ field, messages }] : [];
}
