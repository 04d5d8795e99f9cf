/** The validated input with defaults applied, times in minutes from `start` and per-slot series precomputed. */

export interface SlotGrid {
  startMs: number;
  /** Slot t runs from startMinutes[t] to startMinutes[t + 1]; length T + 1 (boundaries). */
  boundaryMinutes: number[];
  hours: number[];
  startIso: string[];
  count: number;
}

export interface ProblemCharger {
  id: string;
  connectors: number;
  maxKwPerConnector: number;
  maxKw: number;
}

export interface ProblemVehicle {
  index: number;
  id: string;
  type: string;
  batteryKwh: number;
  initialKwh: number;
  minKwh: number;
  maxKwh: number;
  /** min(vehicle limit, fastest connector) */
  maxKw: number;
  efficiency: number;
  availableFromMinutes: number;
  /** Per slot, the fraction of the slot after `availableFrom`. */
  availableFraction: number[];
  pluggedInto?: number;
  turnaroundMinutes: number;
}

export interface ProblemTask {
  index: number;
  id: string;
  type: string;
  needed: number;
  startMinutes: number;
  endMinutes: number;
  energyKwh: number;
  /** Energy drawn per slot while running (kWh). */
  energyBySlot: { slot: number; kwh: number }[];
  pinned: number[];
  forbidden: Set<number>;
  /** Vehicles the model may assign (pins included). */
  candidates: number[];
}

export interface ProblemSession {
  index: number;
  id: string;
  charger: number;
  batteryKwh: number;
  initialKwh: number;
  /** A session is charged up to its target SoC, never beyond (or kept where it is when it arrived above it). */
  maxKwh: number;
  maxKw: number;
  efficiency: number;
  departureMinutes: number;
  availableFraction: number[];
  /** Boundary at which `requiredKwh` must be stored, or -1 when the session has already left. */
  requiredBoundary: number;
  requiredKwh: number;
}

export interface Problem {
  siteId: string;
  gridLimitKw: number;
  baseLoadKw: number;
  demandChargePerKw: number;
  grid: SlotGrid;
  pricePerKwh: number[];
  /**
   * Cheapest price of the tariff from `start` on (the step holding at `start` and every later one, also past the
   * horizon): what refilling a kWh after the horizon costs at least. Values the energy left at the horizon end.
   */
  refillPricePerKwh: number;
  chargers: ProblemCharger[];
  vehicles: ProblemVehicle[];
  /** Tasks that overlap the horizon; others are ignored (reported in `skippedTaskIds`). */
  tasks: ProblemTask[];
  skippedTaskIds: string[];
  sessions: ProblemSession[];
  taperKneePercent: number;
}

/** Busy interval of a vehicle on a task: from start to end plus the vehicle's turnaround. */
export function busyEndMinutes(task: ProblemTask, vehicle: ProblemVehicle): number {
  return task.endMinutes + vehicle.turnaroundMinutes;
}

/** Whether one vehicle could not serve both tasks: their busy intervals on it (turnaround included) overlap. */
export function busyOverlap(a: ProblemTask, b: ProblemTask, vehicle: ProblemVehicle): boolean {
  return a.startMinutes < busyEndMinutes(b, vehicle) && b.startMinutes < busyEndMinutes(a, vehicle);
}

/** Slots whose interval overlaps [fromMinutes, toMinutes). */
export function slotsOverlapping(grid: SlotGrid, fromMinutes: number, toMinutes: number): number[] {
  const slots: number[] = [];
  for (let t = 0; t < grid.count; t++) {
    if (grid.boundaryMinutes[t] < toMinutes && fromMinutes < grid.boundaryMinutes[t + 1]) slots.push(t);
  }
  return slots;
}

export function overlapMinutes(aFrom: number, aTo: number, bFrom: number, bTo: number): number {
  return Math.max(0, Math.min(aTo, bTo) - Math.max(aFrom, bFrom));
}

/**
 * Boundaries (slot index t for boundary t + 1) where a vehicle's reserve is checked: energy only falls during tasks,
 * so the ends of slots where a candidate task draws energy, plus the horizon end.
 */
export function reserveCheckSlots(problem: Problem): Set<number>[] {
  const slots = problem.vehicles.map(() => new Set<number>([problem.grid.count - 1]));
  for (const task of problem.tasks) {
    for (const v of task.candidates) for (const { slot } of task.energyBySlot) slots[v].add(slot);
  }
  return slots;
}

/**
 * Absolute key of boundary `b` (minutes since the epoch), used in model names: the next tick's model, shifted by a
 * slot, then finds the same time under the same name, which makes the carried-over basis a good warm start.
 */
export function at(problem: Problem, boundary: number): number {
  return Math.round(problem.grid.startMs / 60_000 + problem.grid.boundaryMinutes[boundary]);
}
