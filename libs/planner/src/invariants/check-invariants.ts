import { normalizeInput } from '../problem/normalize-input';
import { busyEndMinutes, Problem, ProblemTask } from '../problem/problem';
import { PlanInput } from '../types/plan-input';
import { resolvePlanOptions } from '../types/plan-options';
import { ChargingRow, PlanResult } from '../types/plan-result';
import { checkEnergyAndSoc } from './energy.invariants';

export interface InvariantViolation {
  rule: string;
  message: string;
}

export const KW_TOLERANCE = 0.01;
export const PERCENT_TOLERANCE = 0.01;
const STATUSES = ['optimal', 'feasible', 'fallback', 'infeasible'];

/**
 * Checks a result against DESIGN.md §5's invariants, from the input alone (never from the solver's word).
 * Returns every violation found; an empty list means the result may be applied.
 */
export function checkInvariants(input: PlanInput, result: PlanResult): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const fail = (rule: string, message: string) => violations.push({ rule, message });
  const problem = normalizeInput(input, resolvePlanOptions());
  const T = problem.grid.count;
  if (!STATUSES.includes(result.status)) fail('shape', `status "${result.status}" is not a contract status`);
  if (result.slotStarts.length !== T || result.slotStarts.some((iso, t) => iso !== problem.grid.startIso[t])) {
    fail('shape', 'slotStarts do not match the input slots');
  }
  if (result.sitePowerKw.length !== T) fail('shape', `sitePowerKw has ${result.sitePowerKw.length} values, not ${T}`);
  for (const row of result.charging) {
    if (row.kw.length !== T || row.kw.some((kw) => !Number.isFinite(kw)))
      fail('shape', `charging row ${rowName(row)} is malformed`);
  }
  if (violations.length > 0) return violations;

  checkPower(problem, result, fail);
  const assigned = checkAssignments(problem, result, fail);
  checkBusy(problem, result, assigned, fail);
  checkEnergyAndSoc(problem, result, assigned, fail);
  return violations;
}

type Fail = (rule: string, message: string) => void;

export function rowName(row: ChargingRow): string {
  return 'vehicleId' in row ? `vehicle ${row.vehicleId}@${row.chargerId}` : `session ${row.sessionId}@${row.chargerId}`;
}

function checkPower(problem: Problem, result: PlanResult, fail: Fail): void {
  const T = problem.grid.count;
  const charger = new Map(problem.chargers.map((c, index) => [c.id, index]));
  const vehicle = new Map(problem.vehicles.map((v) => [v.id, v]));
  const session = new Map(problem.sessions.map((s) => [s.id, s]));
  const chargerKw = problem.chargers.map(() => new Array<number>(T).fill(0));
  const inUse = problem.chargers.map(() => new Array<number>(T).fill(0));
  const vehicleSlots = new Map<string, Set<number>>();
  const siteKw = new Array<number>(T).fill(0);
  for (const s of problem.sessions) {
    for (let t = 0; t < T; t++) if (s.availableFraction[t] > 0) inUse[s.charger][t] += 1;
  }
  for (const row of result.charging) {
    const c = charger.get(row.chargerId);
    if (c === undefined) {
      fail('charging-limit', `${rowName(row)} names an unknown charger`);
      continue;
    }
    const connectorKw = problem.chargers[c].maxKwPerConnector;
    let limitKw: number;
    let fraction: number[];
    if ('vehicleId' in row) {
      const v = vehicle.get(row.vehicleId);
      if (!v) {
        fail('charging-limit', `${rowName(row)} names an unknown vehicle`);
        continue;
      }
      limitKw = Math.min(v.maxKw, connectorKw);
      fraction = v.availableFraction;
    } else {
      const s = session.get(row.sessionId);
      if (!s || s.charger !== c) {
        fail('charging-limit', `${rowName(row)} is not a session on that charger`);
        continue;
      }
      limitKw = s.maxKw;
      fraction = s.availableFraction;
    }
    row.kw.forEach((kw, t) => {
      if (kw < -KW_TOLERANCE) fail('charging-limit', `${rowName(row)} slot ${t}: negative power ${kw}`);
      if (kw > limitKw * fraction[t] + KW_TOLERANCE) {
        fail('charging-limit', `${rowName(row)} slot ${t}: ${kw} kW over its limit ${limitKw * fraction[t]} kW`);
      }
      chargerKw[c][t] += kw;
      siteKw[t] += kw;
      if (kw > KW_TOLERANCE && 'vehicleId' in row) {
        inUse[c][t] += 1;
        const slots = vehicleSlots.get(row.vehicleId) ?? new Set<number>();
        if (slots.has(t)) fail('connectors', `vehicle ${row.vehicleId} charges at two chargers in slot ${t}`);
        slots.add(t);
        vehicleSlots.set(row.vehicleId, slots);
      }
    });
  }
  for (let t = 0; t < T; t++) {
    if (Math.abs(siteKw[t] - result.sitePowerKw[t]) > KW_TOLERANCE * Math.max(1, result.charging.length)) {
      fail('grid-limit', `slot ${t}: sitePowerKw ${result.sitePowerKw[t]} is not the sum of charging ${siteKw[t]}`);
    }
    if (siteKw[t] + problem.baseLoadKw > problem.gridLimitKw + KW_TOLERANCE) {
      fail('grid-limit', `slot ${t}: ${siteKw[t]} kW + base ${problem.baseLoadKw} kW over ${problem.gridLimitKw} kW`);
    }
    problem.chargers.forEach((c, index) => {
      if (chargerKw[index][t] > c.maxKw + KW_TOLERANCE)
        fail('charging-limit', `charger ${c.id} slot ${t}: ${chargerKw[index][t]} kW over ${c.maxKw}`);
      if (inUse[index][t] > c.connectors)
        fail('connectors', `charger ${c.id} slot ${t}: ${inUse[index][t]} connectors in use of ${c.connectors}`);
    });
  }
}

/** Returns the vehicles assigned per task index. */
function checkAssignments(problem: Problem, result: PlanResult, fail: Fail): Map<number, number[]> {
  const taskIndex = new Map(problem.tasks.map((task) => [task.id, task]));
  const vehicleIndex = new Map(problem.vehicles.map((v) => [v.id, v]));
  const assigned = new Map<number, number[]>();
  for (const { taskId, vehicleId } of result.assignments) {
    const task = taskIndex.get(taskId);
    const vehicle = vehicleIndex.get(vehicleId);
    if (!task || !vehicle) {
      fail('assignment', `assignment ${taskId} -> ${vehicleId} names an unknown or out-of-horizon task or vehicle`);
      continue;
    }
    const list = assigned.get(task.index) ?? [];
    if (list.includes(vehicle.index)) fail('assignment', `task ${taskId} lists ${vehicleId} twice`);
    if (vehicle.type !== task.type)
      fail('assignment', `task ${taskId} needs ${task.type}, ${vehicleId} is ${vehicle.type}`);
    if (task.forbidden.has(vehicle.index)) fail('assignment', `task ${taskId} uses forbidden ${vehicleId}`);
    list.push(vehicle.index);
    assigned.set(task.index, list);
  }
  const unserved = new Map(result.unserved.map((entry) => [entry.taskId, entry.missingVehicles]));
  for (const task of problem.tasks) {
    const list = assigned.get(task.index) ?? [];
    if (list.length > task.needed)
      fail('assignment', `task ${task.id} has ${list.length} vehicles, needs ${task.needed}`);
    for (const v of task.pinned) {
      if (!list.includes(v)) fail('assignment', `task ${task.id}: pinned ${problem.vehicles[v].id} not assigned`);
    }
    const missing = task.needed - list.length;
    if ((unserved.get(task.id) ?? 0) !== Math.max(0, missing)) {
      fail('assignment', `task ${task.id}: unserved reports ${unserved.get(task.id) ?? 0}, missing ${missing}`);
    }
  }
  return assigned;
}

function checkBusy(problem: Problem, result: PlanResult, assigned: Map<number, number[]>, fail: Fail): void {
  const { grid } = problem;
  const tasksOf: ProblemTask[][] = problem.vehicles.map(() => []);
  for (const task of problem.tasks) for (const v of assigned.get(task.index) ?? []) tasksOf[v].push(task);
  const kwOf = new Map<string, number[]>();
  for (const row of result.charging) {
    if (!('vehicleId' in row)) continue;
    const sum = kwOf.get(row.vehicleId) ?? new Array<number>(grid.count).fill(0);
    row.kw.forEach((kw, t) => (sum[t] += kw));
    kwOf.set(row.vehicleId, sum);
  }
  for (const vehicle of problem.vehicles) {
    const tasks = tasksOf[vehicle.index].sort((a, b) => a.startMinutes - b.startMinutes);
    for (let i = 1; i < tasks.length; i++) {
      if (tasks[i].startMinutes < busyEndMinutes(tasks[i - 1], vehicle)) {
        fail('task-overlap', `${vehicle.id}: ${tasks[i - 1].id} and ${tasks[i].id} overlap (turnaround included)`);
      }
    }
    const kw = kwOf.get(vehicle.id);
    if (!kw) continue;
    for (const task of tasks) {
      const busyEnd = busyEndMinutes(task, vehicle);
      for (let t = 0; t < grid.count; t++) {
        const overlaps = grid.boundaryMinutes[t] < busyEnd && task.startMinutes < grid.boundaryMinutes[t + 1];
        if (overlaps && kw[t] > KW_TOLERANCE)
          fail('busy-charging', `${vehicle.id} charges in slot ${t} while on ${task.id}`);
      }
    }
  }
}
