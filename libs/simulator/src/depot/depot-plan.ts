/**
 * The part of a plan the depot driver follows: which bus serves which task, and where each bus charges. Shaped like
 * the planner's scenario input and result (DESIGN.md §5), so a stored plan run can be passed as it is.
 */
export interface DepotTask {
  id: string;
  vehiclesNeeded?: number;
  start: string;
  end: string;
  energyKwhPerVehicle?: number;
}

export interface DepotChargingRow {
  vehicleId?: string;
  chargerId: string;
  kw: number[];
}

export interface DepotPlan {
  tasks: DepotTask[];
  assignments: { taskId: string; vehicleId: string }[];
  charging: DepotChargingRow[];
  slotStarts: string[];
}

/** The charger the plan charges `busId` at next (from the slot holding `atMs` on), if any. */
export function plannedChargerOf(plan: DepotPlan | undefined, busId: string, atMs: number): string | undefined {
  if (!plan) return undefined;
  const current = Math.max(0, plan.slotStarts.filter((start) => Date.parse(start) <= atMs).length - 1);
  let best: { chargerId: string; slot: number } | undefined;
  for (const row of plan.charging) {
    if (row.vehicleId !== busId) continue;
    const slot = row.kw.findIndex((kw, i) => i >= current && kw > 0);
    if (slot >= 0 && (!best || slot < best.slot)) best = { chargerId: row.chargerId, slot };
  }
  return best?.chargerId;
}
