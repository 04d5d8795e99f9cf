import { PlanInput, TaskInput } from '../types/plan-input';
import { ResolvedPlanOptions } from '../types/plan-options';
import {
  Problem,
  ProblemCharger,
  ProblemSession,
  ProblemTask,
  ProblemVehicle,
  SlotGrid,
  overlapMinutes,
} from './problem';
import { buildSlotGrid, cheapestPriceFrom, fractionInside, minutesFrom, pricePerSlot } from './slot-grid';

/** Applies the defaults of DESIGN.md §5 and precomputes per-slot series. Assumes a validated input. */
export function normalizeInput(input: PlanInput, options: ResolvedPlanOptions): Problem {
  const grid = buildSlotGrid(input.start, input.slots);
  const chargers: ProblemCharger[] = input.chargers.map((charger) => {
    const connectors = charger.connectors ?? 1;
    return {
      id: charger.id,
      connectors,
      maxKwPerConnector: charger.maxKwPerConnector,
      maxKw: charger.maxKw ?? connectors * charger.maxKwPerConnector,
    };
  });
  const chargerIndex = new Map(chargers.map((charger, index) => [charger.id, index]));
  const fastestConnectorKw = Math.max(0, ...chargers.map((c) => Math.min(c.maxKwPerConnector, c.maxKw)));
  const horizonMinutes = grid.boundaryMinutes[grid.count];

  const vehicles: ProblemVehicle[] = (input.vehicles ?? []).map((vehicle, index) => {
    const availableFromMinutes = Math.max(
      0,
      vehicle.availableFrom ? minutesFrom(grid.startMs, vehicle.availableFrom) : 0,
    );
    const batteryKwh = vehicle.batteryKwh;
    return {
      index,
      id: vehicle.id,
      type: vehicle.type,
      batteryKwh,
      initialKwh: (vehicle.socPercent / 100) * batteryKwh,
      minKwh: ((vehicle.minSocPercent ?? 20) / 100) * batteryKwh,
      maxKwh: ((vehicle.maxSocPercent ?? 100) / 100) * batteryKwh,
      maxKw: Math.min(vehicle.maxChargeKw, fastestConnectorKw),
      efficiency: vehicle.chargeEfficiency ?? 1,
      availableFromMinutes,
      availableFraction: fractionInside(grid, availableFromMinutes, horizonMinutes),
      pluggedInto: vehicle.pluggedInto === undefined ? undefined : chargerIndex.get(vehicle.pluggedInto),
      turnaroundMinutes: vehicle.turnaroundMinutes ?? 0,
    };
  });

  const vehicleIndex = new Map(vehicles.map((vehicle) => [vehicle.id, vehicle.index]));
  const tasks: ProblemTask[] = [];
  const skippedTaskIds: string[] = [];
  for (const task of input.tasks ?? []) {
    const startMinutes = minutesFrom(grid.startMs, task.start);
    const endMinutes = minutesFrom(grid.startMs, task.end);
    if (endMinutes <= 0 || startMinutes >= horizonMinutes) {
      skippedTaskIds.push(task.id);
      continue;
    }
    tasks.push(normalizeTask(task, tasks.length, startMinutes, endMinutes, grid, vehicles, vehicleIndex));
  }
  chooseCandidates(tasks, vehicles, options.candidatesPerVehicleNeeded);

  const sessions: ProblemSession[] = (input.sessions ?? []).map((session, index) => {
    const charger = chargerIndex.get(session.chargerId) ?? 0;
    const { maxKwPerConnector, maxKw } = chargers[charger];
    const departureMinutes = minutesFrom(grid.startMs, session.departure);
    const initialKwh = (session.socPercent / 100) * session.batteryKwh;
    const targetKwh = ((session.targetSocPercent ?? 80) / 100) * session.batteryKwh;
    const required = requiredEnergy(grid, departureMinutes, initialKwh, targetKwh);
    return {
      index,
      id: session.id,
      charger,
      batteryKwh: session.batteryKwh,
      initialKwh,
      maxKwh: Math.max(targetKwh, initialKwh),
      maxKw: Math.min(session.maxChargeKw ?? maxKwPerConnector, maxKwPerConnector, maxKw),
      efficiency: session.chargeEfficiency ?? 1,
      departureMinutes,
      availableFraction: fractionInside(grid, 0, departureMinutes),
      requiredBoundary: required.boundary,
      requiredKwh: required.kwh,
    };
  });

  return {
    siteId: input.site.id,
    gridLimitKw: input.site.gridLimitKw,
    baseLoadKw: input.site.baseLoadKw ?? 0,
    demandChargePerKw: input.site.demandChargePerKw ?? 0,
    grid,
    pricePerKwh: pricePerSlot(grid, input.pricePerKwh),
    refillPricePerKwh: cheapestPriceFrom(grid.startMs, input.pricePerKwh),
    chargers,
    vehicles,
    tasks,
    skippedTaskIds,
    sessions,
    taperKneePercent: options.taperKneePercent,
  };
}

function normalizeTask(
  task: TaskInput,
  index: number,
  startMinutes: number,
  endMinutes: number,
  grid: SlotGrid,
  vehicles: ProblemVehicle[],
  vehicleIndex: Map<string, number>,
): ProblemTask {
  const energyKwh = task.energyKwhPerVehicle ?? 0;
  const durationMinutes = endMinutes - startMinutes;
  const energyBySlot: { slot: number; kwh: number }[] = [];
  for (let t = 0; t < grid.count && energyKwh > 0; t++) {
    const minutes = overlapMinutes(grid.boundaryMinutes[t], grid.boundaryMinutes[t + 1], startMinutes, endMinutes);
    if (minutes > 0) energyBySlot.push({ slot: t, kwh: (energyKwh * minutes) / durationMinutes });
  }
  const pinned = (task.pinnedVehicles ?? []).map((id) => vehicleIndex.get(id) ?? -1).filter((v) => v >= 0);
  const forbidden = new Set((task.forbiddenVehicles ?? []).map((id) => vehicleIndex.get(id) ?? -1));
  void vehicles;
  return {
    index,
    id: task.id,
    type: task.vehicleType,
    needed: task.vehiclesNeeded ?? 1,
    startMinutes,
    endMinutes,
    energyKwh,
    energyBySlot,
    pinned,
    forbidden,
    candidates: [],
  };
}

/**
 * Compatible vehicles (type, availability, not forbidden), capped per task so that large fleets keep the model
 * small. The cap rotates through the fleet of each type so that consecutive tasks see different vehicles.
 */
function chooseCandidates(tasks: ProblemTask[], vehicles: ProblemVehicle[], perVehicleNeeded: number): void {
  const byType = new Map<string, ProblemVehicle[]>();
  for (const vehicle of vehicles) byType.set(vehicle.type, [...(byType.get(vehicle.type) ?? []), vehicle]);
  const ordered = [...tasks].sort((a, b) => a.startMinutes - b.startMinutes || a.index - b.index);
  for (const task of ordered) {
    const fleet = byType.get(task.type) ?? [];
    const compatible = fleet.filter(
      (vehicle) => !task.forbidden.has(vehicle.index) && vehicle.availableFromMinutes <= Math.max(0, task.startMinutes),
    );
    const cap = Math.max(task.needed * perVehicleNeeded, task.pinned.length);
    // Offset from the task id, not its position: the same task keeps its candidates from tick to tick (warm basis).
    const offset = hashId(task.id);
    const chosen = new Set(task.pinned);
    for (let i = 0; i < compatible.length && chosen.size < cap; i++) {
      chosen.add(compatible[(i + offset) % compatible.length].index);
    }
    task.candidates = [...chosen].sort((a, b) => a - b);
  }
}

/** Energy a session must hold: its target by departure, prorated when it departs after the horizon. */
function requiredEnergy(grid: SlotGrid, departureMinutes: number, initialKwh: number, targetKwh: number) {
  const horizonMinutes = grid.boundaryMinutes[grid.count];
  if (departureMinutes <= 0) return { boundary: -1, kwh: 0 };
  if (departureMinutes > horizonMinutes) {
    const kwh = initialKwh + Math.max(0, targetKwh - initialKwh) * (horizonMinutes / departureMinutes);
    return { boundary: grid.count, kwh };
  }
  const boundary = grid.boundaryMinutes.findIndex((minutes) => minutes >= departureMinutes);
  return { boundary, kwh: targetKwh };
}

function hashId(id: string): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619) >>> 0;
  return hash;
}
