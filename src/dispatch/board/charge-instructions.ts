import { boundariesMs, EffectivePlan, slotIndexAt, vehicleTasks } from './plan-timeline';

export interface ChargeInstruction {
  vehicle: string;
  chargerId: string;
  /** When the planned charging starts: the vehicle should be plugged in by then. */
  by: string;
  /** For the dispatcher's screen, in the site's local time: "BUS-07 to CP-03 by 10:20". */
  text: string;
}

/**
 * A vehicle must be driven to a charger when the plan's next charging of it (from the current slot on) is at a
 * charger it is not plugged into; null when it is already there or the plan does not charge it. Charging in a slot
 * that starts while the vehicle is away on one of its tasks is never an instruction: the plan's task starts at the
 * departure (the site's lead before the task), and a bus on its way to the stand cannot be at a charger.
 */
export function chargeInstruction(
  plan: EffectivePlan,
  vehicleId: string,
  nowMs: number,
  timeZone: string,
): ChargeInstruction | null {
  const boundaries = boundariesMs(plan.input);
  const fromSlot = Math.max(0, slotIndexAt(boundaries, nowMs));
  const away = awayWindowsMs(plan, vehicleId);
  const atDepot = (slot: number) =>
    !away.some(([fromMs, untilMs]) => fromMs <= boundaries[slot] && boundaries[slot] < untilMs);
  let next: { chargerId: string; slot: number } | null = null;
  for (const row of plan.result.charging) {
    if (!('vehicleId' in row) || row.vehicleId !== vehicleId) continue;
    const slot = row.kw.findIndex((kw, index) => index >= fromSlot && kw > 0 && atDepot(index));
    if (slot >= 0 && (next === null || slot < next.slot)) next = { chargerId: row.chargerId, slot };
  }
  if (!next) return null;
  const pluggedInto = plan.input.vehicles?.find((vehicle) => vehicle.id === vehicleId)?.pluggedInto;
  if (pluggedInto === next.chargerId) return null;
  const byMs = boundaries[next.slot];
  const text = `${vehicleId} to ${next.chargerId} by ${localTime(byMs, timeZone)}`;
  return { vehicle: vehicleId, chargerId: next.chargerId, by: new Date(byMs).toISOString(), text };
}

/** From the departure to the end of each task the plan assigns the vehicle. */
function awayWindowsMs(plan: EffectivePlan, vehicleId: string): [number, number][] {
  return vehicleTasks(plan, vehicleId).map((task) => [Date.parse(task.start), Date.parse(task.end)]);
}

export function localTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(ms),
  );
}
