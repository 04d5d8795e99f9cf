import { busyEndMinutes, busyOverlap, Problem, ProblemTask } from '../problem/problem';

/** Passes over the vehicles short of cheap energy; each pass moves at most one task per such vehicle. */
const MAX_PASSES = 4;
/** Receiving vehicles simulated per call, so a fleet where few moves pay costs little (~25 ms on the large site). */
const SEARCH_BUDGET = 25_000;

/**
 * Stage-1 improvement: moves tasks away from vehicles that will have to buy energy above the refill price. A
 * vehicle's *dear need* is the energy it must buy outside the cheapest-price slots to keep its reserve through its
 * tasks, when it charges in every cheap slot it is idle in at its own limit (no grid or connector sharing: a lower
 * bound on what stage 2 buys for it). A task moves from a vehicle with a dear need to another vehicle of its type
 * (free over the task's busy interval, not forbidden, available by its start) when that lowers the two vehicles'
 * summed dear need; the move that lowers it most is taken. The relaxation does the same by splitting tasks, which is
 * why the greedy assignment alone left ~44 kWh bought by day on the medium bench site. Pins never move. Mutates
 * `chosen` (vehicles per task index); returns the summed dear need before and after (kWh).
 */
export function balanceCheapEnergy(problem: Problem, chosen: Set<number>[]): { beforeKwh: number; afterKwh: number } {
  const fleet = new FleetEnergy(problem, chosen);
  let budget = SEARCH_BUDGET;
  const need = problem.vehicles.map((vehicle) => fleet.dearNeedKwh(vehicle.index));
  const beforeKwh = need.reduce((sum, kwh) => sum + kwh, 0);
  const byType = new Map<string, number[]>();
  for (const vehicle of problem.vehicles)
    byType.set(vehicle.type, [...(byType.get(vehicle.type) ?? []), vehicle.index]);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (const vehicle of problem.vehicles) {
      const v = vehicle.index;
      if (need[v] <= 1e-6) continue;
      let best: { task: ProblemTask; to: number; fromKwh: number; toKwh: number; gainKwh: number } | undefined;
      for (const task of fleet.tasksOf[v]) {
        if (task.pinned.includes(v) || task.energyKwh <= 0) continue;
        const fromKwh = fleet.dearNeedKwh(v, task, -1);
        // Receiving a task never lowers a vehicle's need, so no move of this task gains more than this.
        const mostGainKwh = need[v] - fromKwh;
        if (mostGainKwh <= 1e-6 || (best && best.gainKwh >= mostGainKwh - 1e-9)) continue;
        for (const w of byType.get(task.type) ?? []) {
          if (w === v || chosen[task.index].has(w) || task.forbidden.has(w)) continue;
          if (problem.vehicles[w].availableFromMinutes > Math.max(0, task.startMinutes)) continue;
          if (!fleet.isFree(w, task)) continue;
          if (--budget < 0) return { beforeKwh, afterKwh: need.reduce((sum, kwh) => sum + kwh, 0) };
          const toKwh = fleet.dearNeedKwh(w, task, +1, need[w] + mostGainKwh - (best?.gainKwh ?? 0));
          const gainKwh = need[v] + need[w] - fromKwh - toKwh;
          if (gainKwh > 1e-6 && (!best || gainKwh > best.gainKwh)) best = { task, to: w, fromKwh, toKwh, gainKwh };
          if (best && best.gainKwh >= mostGainKwh - 1e-9) break;
        }
      }
      if (!best) continue;
      fleet.move(best.task, v, best.to);
      chosen[best.task.index].delete(v);
      chosen[best.task.index].add(best.to);
      need[v] = best.fromKwh;
      need[best.to] = best.toKwh;
      moved = true;
    }
    if (!moved) break;
  }
  return { beforeKwh, afterKwh: need.reduce((sum, kwh) => sum + kwh, 0) };
}

/** Per vehicle and slot: how many of its tasks keep it busy, and the energy they draw (kept up to date by moves). */
class FleetEnergy {
  readonly tasksOf: ProblemTask[][];
  private readonly busyCount: Int16Array[];
  private readonly drawKwh: Float64Array[];
  private readonly cheapSlot: boolean[];
  private readonly drawByTask = new Map<number, Float64Array>();
  /** Busy slots per task index, per turnaround minutes. */
  private readonly slotsByTask = new Map<number, Map<number, [number, number]>>();

  constructor(
    private readonly problem: Problem,
    chosen: Set<number>[],
  ) {
    const T = problem.grid.count;
    this.tasksOf = problem.vehicles.map(() => []);
    this.busyCount = problem.vehicles.map(() => new Int16Array(T));
    this.drawKwh = problem.vehicles.map(() => new Float64Array(T));
    this.cheapSlot = problem.pricePerKwh.map((price) => price <= problem.refillPricePerKwh + 1e-9);
    problem.tasks.forEach((task) => chosen[task.index].forEach((v) => this.add(task, v, +1)));
  }

  /** Whether `task` fits between `v`'s tasks (turnaround included); no task in its slots settles it at once. */
  isFree(v: number, task: ProblemTask): boolean {
    const [first, last] = this.busySlots(task, v);
    let clear = true;
    for (let t = first; t <= last && clear; t++) clear = this.busyCount[v][t] === 0;
    if (clear) return true;
    const vehicle = this.problem.vehicles[v];
    return !this.tasksOf[v].some((other) => busyOverlap(task, other, vehicle));
  }

  move(task: ProblemTask, from: number, to: number): void {
    this.add(task, from, -1);
    this.add(task, to, +1);
  }

  /**
   * Energy vehicle `v` must buy outside the cheap slots to stay at or above reserve through its tasks (with `task`
   * added or removed by `sign`): slot by slot it charges at its own limit in the cheap slots it is idle in (up to its
   * ceiling) and draws its tasks' energy; any fall below reserve counts as bought dear (it carries on from reserve).
   * Stops early with Infinity once the need passes `stopAboveKwh` (a move that could not win).
   */
  dearNeedKwh(v: number, task?: ProblemTask, sign = 0, stopAboveKwh = Infinity): number {
    const vehicle = this.problem.vehicles[v];
    const { grid } = this.problem;
    const busy = this.busyCount[v];
    const draw = this.drawKwh[v];
    const [firstBusy, lastBusy] = task ? this.busySlots(task, v) : [1, 0];
    const taskDraw = task ? this.drawOf(task) : undefined;
    let kwh = vehicle.initialKwh;
    let dearKwh = Math.max(0, vehicle.minKwh - kwh);
    kwh = Math.max(kwh, vehicle.minKwh);
    for (let t = 0; t < grid.count; t++) {
      const busyHere = busy[t] + (t >= firstBusy && t <= lastBusy ? sign : 0) > 0;
      if (this.cheapSlot[t] && !busyHere) {
        const chargeKwh = vehicle.efficiency * vehicle.maxKw * vehicle.availableFraction[t] * grid.hours[t];
        kwh = Math.max(kwh, Math.min(vehicle.maxKwh, kwh + chargeKwh));
      }
      kwh -= draw[t] + (taskDraw ? sign * taskDraw[t] : 0);
      if (kwh < vehicle.minKwh - 1e-9) {
        dearKwh += vehicle.minKwh - kwh;
        kwh = vehicle.minKwh;
        if (dearKwh > stopAboveKwh) return Infinity;
      }
    }
    return dearKwh;
  }

  private add(task: ProblemTask, v: number, sign: number): void {
    const [first, last] = this.busySlots(task, v);
    for (let t = first; t <= last; t++) this.busyCount[v][t] += sign;
    for (const { slot, kwh } of task.energyBySlot) this.drawKwh[v][slot] += sign * kwh;
    if (sign > 0) this.tasksOf[v].push(task);
    else this.tasksOf[v] = this.tasksOf[v].filter((other) => other !== task);
  }

  private drawOf(task: ProblemTask): Float64Array {
    let draw = this.drawByTask.get(task.index);
    if (!draw) {
      draw = new Float64Array(this.problem.grid.count);
      for (const { slot, kwh } of task.energyBySlot) draw[slot] += kwh;
      this.drawByTask.set(task.index, draw);
    }
    return draw;
  }

  /** First and last slot touching the task's busy interval on `v` (turnaround included); no charging there. */
  private busySlots(task: ProblemTask, v: number): [number, number] {
    const turnaround = this.problem.vehicles[v].turnaroundMinutes;
    let byTurnaround = this.slotsByTask.get(task.index);
    if (!byTurnaround) this.slotsByTask.set(task.index, (byTurnaround = new Map()));
    let slots = byTurnaround.get(turnaround);
    if (!slots) {
      const { boundaryMinutes, count } = this.problem.grid;
      const end = busyEndMinutes(task, this.problem.vehicles[v]);
      let first = 0;
      while (first < count && boundaryMinutes[first + 1] <= task.startMinutes) first++;
      let last = first;
      while (last + 1 < count && boundaryMinutes[last + 1] < end) last++;
      byTurnaround.set(turnaround, (slots = [first, last]));
    }
    return slots;
  }
}
