import { PlanDecision } from '../decode/build-result';
import { busyEndMinutes, busyOverlap, Problem, ProblemTask } from '../problem/problem';
import { KW_EPSILON } from '../repair/connector-allocation';
import { runSteps, Steps } from '../steps';

export interface FallbackOptions {
  cheapEnergyFirst?: boolean;
}

/**
 * Deterministic heuristic plan, slot by slot: tasks starting in the slot take their pins, then the free compatible
 * vehicle with the most spare energy (only if it has enough for the task); then charging power goes to the most urgent
 * vehicles and sessions first (energy still needed per hour left), within the grid limit, connectors and limits.
 * `cheapEnergyFirst`: pick task vehicles by energy held without buying above the refill price (see below).
 */
export function fallbackDecision(problem: Problem, options: FallbackOptions = {}): PlanDecision {
  return runSteps(fallbackSteps(problem, options));
}

/** `fallbackDecision` pausing after each slot (see steps.ts): a large site's heuristic takes ~100-200 ms. */
export function* fallbackSteps(problem: Problem, options: FallbackOptions = {}): Steps<PlanDecision> {
  const { grid } = problem;
  const T = grid.count;
  const assigned = new Map<number, number[]>();
  const busy: { from: number; to: number; task: ProblemTask }[][] = problem.vehicles.map(() => []);
  const kwh = problem.vehicles.map((vehicle) => vehicle.initialKwh);
  const committedKwh = problem.vehicles.map(() => 0);
  const busyUntil = problem.vehicles.map(() => -Infinity);
  // Scratch for ranking a task's free vehicles (no allocation per task and vehicle).
  const rankedV = new Int32Array(problem.vehicles.length);
  const rankedRank = new Float64Array(problem.vehicles.length);
  const rankedSpare = new Float64Array(problem.vehicles.length);
  // Energy a vehicle holds without having bought any above the refill price (its start energy, plus what the
  // heuristic charged it in the cheapest slots, less what its tasks drew). With `cheapEnergyFirst` (stage 1 of the
  // two-stage plan) a task goes to the free vehicle with the most of it left after the task, rather than the most
  // energy as the heuristic charged it at any price: the heuristic tops every idle vehicle up at the day price, so
  // that ranking gave some buses more day tasks than they hold above reserve and stage 2 bought their energy dear.
  const cheapKwh = problem.vehicles.map((vehicle) => vehicle.initialKwh);
  const cheapSlot = problem.pricePerKwh.map((price) => price <= problem.refillPricePerKwh + 1e-9);
  const sessionKwhNow = problem.sessions.map((session) => session.initialKwh);
  const vehicleKw = problem.vehicles.map(() => new Array<number>(T).fill(0));
  const chargerOf = problem.vehicles.map(() => new Array<number>(T).fill(-1));
  const sessionKw = problem.sessions.map(() => new Array<number>(T).fill(0));
  const byType = new Map<string, number[]>();
  for (const vehicle of problem.vehicles)
    byType.set(vehicle.type, [...(byType.get(vehicle.type) ?? []), vehicle.index]);
  const pending = [...problem.tasks].sort((a, b) => a.startMinutes - b.startMinutes || a.index - b.index);
  // A pinned vehicle is kept for its pinned tasks: an earlier task must not take it if their busy times overlap.
  const pinnedTo = problem.vehicles.map(() => [] as ProblemTask[]);
  for (const task of problem.tasks) for (const v of task.pinned) pinnedTo[v].push(task);

  for (let t = 0; t < T; t++) {
    const [slotFrom, slotTo] = [grid.boundaryMinutes[t], grid.boundaryMinutes[t + 1]];
    while (pending.length > 0 && pending[0].startMinutes < slotTo) {
      const task = pending.shift()!;
      const chosen = [...task.pinned];
      const free = (v: number) =>
        !chosen.includes(v) &&
        // busyUntil: no busy interval of v reaches past it, so none overlaps a task starting there or later.
        (busyUntil[v] <= task.startMinutes ||
          !overlapsBusy(busy[v], task.startMinutes, busyEndMinutes(task, problem.vehicles[v]))) &&
        (pinnedTo[v].length === 0 ||
          !pinnedTo[v].some((pinned) => pinned !== task && busyOverlap(pinned, task, problem.vehicles[v])));
      const taskKwh = task.energyBySlot.reduce((sum, entry) => sum + entry.kwh, 0);
      // Stage 1 looks at every compatible vehicle: the capped lists only bound the model's size, and the energy-rich
      // vehicle a task needs may be outside its list.
      const pool = options.cheapEnergyFirst ? compatibleVehicles(problem, byType, task) : task.candidates;
      let count = 0;
      for (const v of pool) {
        const spare = kwh[v] - committedKwh[v] - taskKwh;
        if (spare < 0 || !free(v)) continue;
        rankedV[count] = v;
        rankedRank[count] = options.cheapEnergyFirst
          ? cheapKwh[v] - problem.vehicles[v].minKwh - committedKwh[v] - taskKwh
          : 0;
        rankedSpare[count] = spare;
        count++;
      }
      // Best first, picked one at a time: a task needs a vehicle or two out of up to a whole fleet type.
      while (chosen.length < task.needed && count > 0) {
        let best = 0;
        for (let i = 1; i < count; i++) {
          const byRank = rankedRank[i] - rankedRank[best];
          const bySpare = rankedSpare[i] - rankedSpare[best];
          if (byRank > 0 || (byRank === 0 && (bySpare > 0 || (bySpare === 0 && rankedV[i] < rankedV[best])))) best = i;
        }
        chosen.push(rankedV[best]);
        count--;
        rankedV[best] = rankedV[count];
        rankedRank[best] = rankedRank[count];
        rankedSpare[best] = rankedSpare[count];
      }
      for (const v of chosen) {
        busy[v].push({ from: task.startMinutes, to: busyEndMinutes(task, problem.vehicles[v]), task });
        busyUntil[v] = Math.max(busyUntil[v], busyEndMinutes(task, problem.vehicles[v]));
        committedKwh[v] += taskKwh;
      }
      assigned.set(task.index, chosen);
    }

    const hours = grid.hours[t];
    const claims: {
      urgency: number;
      order: number;
      grant: (budgetKw: number, charger: number) => number;
      charger: number[];
      wantKw: number;
    }[] = [];
    for (const vehicle of problem.vehicles) {
      const v = vehicle.index;
      const idle = !busy[v].some((b) => b.from < slotTo && slotFrom < b.to);
      const capKw = vehicle.maxKw * vehicle.availableFraction[t];
      if (!idle || capKw <= KW_EPSILON) continue;
      const next = busy[v].filter((b) => b.from >= slotTo).sort((a, b) => a.from - b.from)[0];
      const neededKwh = vehicle.minKwh + committedKwh[v] - kwh[v];
      const hoursLeft = ((next?.from ?? grid.boundaryMinutes[T]) - slotFrom) / 60;
      const wantKw = Math.min(capKw, Math.max(0, vehicle.maxKwh - kwh[v]) / (vehicle.efficiency * hours));
      const preferred = [t > 0 ? chargerOf[v][t - 1] : -1, vehicle.pluggedInto ?? -1].filter((c) => c >= 0);
      claims.push({
        urgency: neededKwh > 0 ? 1 + neededKwh / Math.max(hoursLeft, hours) : -kwh[v] / vehicle.batteryKwh,
        order: v,
        wantKw,
        charger: preferred,
        grant: (kw, c) => {
          vehicleKw[v][t] = kw;
          chargerOf[v][t] = c;
          return kw;
        },
      });
    }
    for (const session of problem.sessions) {
      const capKw = session.maxKw * session.availableFraction[t];
      if (capKw <= KW_EPSILON) continue;
      const targetKwh = session.requiredBoundary >= 0 ? session.requiredKwh : session.batteryKwh;
      const neededKwh = targetKwh - sessionKwhNow[session.index];
      const hoursLeft = Math.max(hours, (session.departureMinutes - slotFrom) / 60);
      const wantKw = Math.min(capKw, Math.max(0, neededKwh) / (session.efficiency * hours));
      claims.push({
        urgency: 1 + Math.max(0, neededKwh) / hoursLeft,
        order: problem.vehicles.length + session.index,
        wantKw,
        charger: [session.charger],
        grant: (kw) => (sessionKw[session.index][t] = kw),
      });
    }
    const freeConnectors = problem.chargers.map((charger) => charger.connectors);
    const roomKw = problem.chargers.map((charger) => charger.maxKw);
    for (const session of problem.sessions) if (session.availableFraction[t] > 0) freeConnectors[session.charger] -= 1;
    let budgetKw = Math.max(0, problem.gridLimitKw - problem.baseLoadKw);
    claims.sort((a, b) => b.urgency - a.urgency || a.order - b.order);
    for (const claim of claims) {
      if (claim.wantKw <= KW_EPSILON || budgetKw <= KW_EPSILON) continue;
      const isSession = claim.order >= problem.vehicles.length;
      const fits = (c: number) => Math.min(roomKw[c], problem.chargers[c].maxKwPerConnector);
      let charger = isSession ? claim.charger[0] : claim.charger.find((c) => freeConnectors[c] > 0);
      if (charger === undefined) {
        const open = problem.chargers.map((_, c) => c).filter((c) => freeConnectors[c] > 0);
        charger = open.sort((a, b) => fits(b) - fits(a) || a - b)[0];
      }
      if (charger === undefined) continue;
      const kw = Math.min(claim.wantKw, budgetKw, fits(charger));
      if (kw <= KW_EPSILON) continue;
      claim.grant(kw, charger);
      budgetKw -= kw;
      roomKw[charger] -= kw;
      if (!isSession) freeConnectors[charger] -= 1;
    }
    for (const vehicle of problem.vehicles) {
      const v = vehicle.index;
      kwh[v] += vehicle.efficiency * hours * vehicleKw[v][t];
      if (cheapSlot[t]) cheapKwh[v] += vehicle.efficiency * hours * vehicleKw[v][t];
      for (const b of busy[v]) {
        const draw = b.task.energyBySlot.find((entry) => entry.slot === t)?.kwh ?? 0;
        kwh[v] -= draw;
        cheapKwh[v] -= draw;
        committedKwh[v] -= draw;
      }
    }
    for (const session of problem.sessions) {
      sessionKwhNow[session.index] += session.efficiency * hours * sessionKw[session.index][t];
    }
    yield;
  }
  for (const task of pending) assigned.set(task.index, [...task.pinned]);
  return { assigned, vehicleKw, chargerOf, sessionKw };
}

function compatibleVehicles(problem: Problem, byType: Map<string, number[]>, task: ProblemTask): number[] {
  return (byType.get(task.type) ?? []).filter(
    (v) => !task.forbidden.has(v) && problem.vehicles[v].availableFromMinutes <= Math.max(0, task.startMinutes),
  );
}

/** Whether an interval [from, to) overlaps one of `busy` (scanned from the latest, which overlaps most often). */
function overlapsBusy(busy: { from: number; to: number }[], from: number, to: number): boolean {
  for (let i = busy.length - 1; i >= 0; i--) if (busy[i].from < to && from < busy[i].to) return true;
  return false;
}
