import { busyOverlap, Problem, ProblemTask, ProblemVehicle } from '../problem/problem';

/** Depth of the move chains tried for a short task: 0 = free vehicles only, 2 = a vehicle freed by moving its
 * conflicting tasks, each to a vehicle that is free or freed in turn by moving its conflicts to free vehicles. */
const MAX_DEPTH = 2;
/** Vehicles examined per short task over the whole search, so a hopeless task costs little on a large fleet. */
const SEARCH_BUDGET = 20_000;

/**
 * Tasks left short by the stage-1 assignment (or by the previous tick's, on a warm tick) get a second chance, beyond
 * their capped candidate lists: any compatible vehicle (type, not forbidden, available by the start) that is free
 * over the task's busy interval, turnaround included; failing that, a vehicle freed by moving the tasks that block
 * it to other vehicles (an augmenting path, at most `MAX_DEPTH` moves deep). Ignoring energy, serving one more
 * vehicle on a task is an interval-scheduling augmentation: a task can be short because the cap kept it away from
 * the one vehicle that was free, or because the rounding packed the fleet badly around it. Pins never move. Each
 * vehicle that receives a task must stay within a rough energy budget (what it holds above reserve plus what it can
 * charge at its share of the grid by the end of each of its tasks); stage 2 re-plans charging exactly and drops an
 * assignment that still turns out short of energy. Mutates `chosen` (vehicles per task index).
 */
export function secondChance(problem: Problem, chosen: Set<number>[]): void {
  const short = problem.tasks.filter((task) => chosen[task.index].size < task.needed);
  if (short.length === 0) return;
  const state = new AssignmentState(problem, chosen);
  const ordered = short.sort((a, b) => a.startMinutes - b.startMinutes || a.index - b.index);
  for (const task of ordered) {
    while (chosen[task.index].size < task.needed) {
      state.budget = SEARCH_BUDGET;
      if (!state.place(task, MAX_DEPTH, new Set())) break;
    }
  }
}

class AssignmentState {
  /** Tasks (indices) per vehicle. */
  private readonly tasksOf: Set<number>[];
  private readonly pinnedOn: Set<number>[];
  private readonly byType = new Map<string, ProblemVehicle[]>();
  private readonly chargeKwhPerMinute: number[];
  private readonly journal: { task: number; vehicle: number; added: boolean }[] = [];
  budget = SEARCH_BUDGET;

  constructor(
    private readonly problem: Problem,
    private readonly chosen: Set<number>[],
  ) {
    this.tasksOf = problem.vehicles.map(() => new Set<number>());
    this.pinnedOn = problem.vehicles.map(() => new Set<number>());
    problem.tasks.forEach((task) => {
      for (const v of chosen[task.index]) this.tasksOf[v].add(task.index);
      for (const v of task.pinned) this.pinnedOn[v].add(task.index);
    });
    for (const vehicle of problem.vehicles)
      this.byType.set(vehicle.type, [...(this.byType.get(vehicle.type) ?? []), vehicle]);
    const gridKw = Math.max(0, problem.gridLimitKw - problem.baseLoadKw);
    const shareKw = problem.vehicles.length > 0 ? gridKw / problem.vehicles.length : 0;
    this.chargeKwhPerMinute = problem.vehicles.map((v) => (v.efficiency * Math.min(v.maxKw, shareKw)) / 60);
  }

  /** Adds one vehicle to `task`, moving blocking tasks up to `depth` deep; false (and nothing changed) if it cannot. */
  place(task: ProblemTask, depth: number, banned: Set<number>): boolean {
    const options = (this.byType.get(task.type) ?? []).filter(
      (vehicle) =>
        !banned.has(vehicle.index) &&
        !this.chosen[task.index].has(vehicle.index) &&
        !task.forbidden.has(vehicle.index) &&
        vehicle.availableFromMinutes <= Math.max(0, task.startMinutes),
    );
    const withConflicts = options
      .map((vehicle) => ({ vehicle, conflicts: this.conflicts(task, vehicle) }))
      .filter(({ vehicle, conflicts }) => conflicts.every((k) => !this.pinnedOn[vehicle.index].has(k)));
    const spare = (vehicle: ProblemVehicle) => vehicle.initialKwh - vehicle.minKwh - this.assignedKwh(vehicle.index);
    // Free vehicles first (most spare energy first), then those with the fewest tasks to move.
    withConflicts.sort(
      (a, b) =>
        a.conflicts.length - b.conflicts.length ||
        spare(b.vehicle) - spare(a.vehicle) ||
        a.vehicle.index - b.vehicle.index,
    );
    for (const { vehicle, conflicts } of withConflicts) {
      if (conflicts.length > 0 && depth === 0) break;
      if (--this.budget < 0) return false;
      const mark = this.journal.length;
      for (const k of conflicts) this.unassign(k, vehicle.index);
      this.assign(task.index, vehicle.index);
      if (!this.withinEnergyBudget(vehicle)) {
        this.undo(mark);
        continue;
      }
      const deeper = new Set(banned).add(vehicle.index);
      if (conflicts.every((k) => this.place(this.problem.tasks[k], depth - 1, deeper))) return true;
      this.undo(mark);
    }
    return false;
  }

  private conflicts(task: ProblemTask, vehicle: ProblemVehicle): number[] {
    return [...this.tasksOf[vehicle.index]].filter((k) => busyOverlap(task, this.problem.tasks[k], vehicle));
  }

  private assignedKwh(v: number): number {
    let kwh = 0;
    for (const k of this.tasksOf[v]) kwh += this.problem.tasks[k].energyKwh;
    return kwh;
  }

  /** Energy drawn by the end of each of its tasks ≤ energy above reserve + what it can charge at its grid share. */
  private withinEnergyBudget(vehicle: ProblemVehicle): boolean {
    const tasks = [...this.tasksOf[vehicle.index]]
      .map((k) => this.problem.tasks[k])
      .sort((a, b) => a.endMinutes - b.endMinutes);
    let drawnKwh = 0;
    for (const task of tasks) {
      drawnKwh += task.energyKwh;
      const budgetKwh =
        vehicle.initialKwh - vehicle.minKwh + this.chargeKwhPerMinute[vehicle.index] * Math.max(0, task.endMinutes);
      if (drawnKwh > budgetKwh + 1e-9) return false;
    }
    return true;
  }

  private assign(task: number, v: number): void {
    this.chosen[task].add(v);
    this.tasksOf[v].add(task);
    this.journal.push({ task, vehicle: v, added: true });
  }

  private unassign(task: number, v: number): void {
    this.chosen[task].delete(v);
    this.tasksOf[v].delete(task);
    this.journal.push({ task, vehicle: v, added: false });
  }

  private undo(mark: number): void {
    while (this.journal.length > mark) {
      const { task, vehicle, added } = this.journal.pop()!;
      if (added) {
        this.chosen[task].delete(vehicle);
        this.tasksOf[vehicle].delete(task);
      } else {
        this.chosen[task].add(vehicle);
        this.tasksOf[vehicle].add(task);
      }
    }
  }
}

/**
 * For the joint model, whose candidate lists are capped: when the second chance can serve more of the tasks the
 * solve left short, the problem with every task's candidates widened by the vehicles that chain uses (so the joint
 * model can find that assignment, and weigh it against energy); undefined when it cannot serve more.
 */
export function widenCandidates(problem: Problem, assigned: Map<number, number[]>): Problem | undefined {
  const chosen = problem.tasks.map((task) => new Set(assigned.get(task.index) ?? []));
  const served = () => chosen.reduce((sum, vehicles, k) => sum + Math.min(vehicles.size, problem.tasks[k].needed), 0);
  const before = served();
  if (problem.tasks.every((task) => chosen[task.index].size >= task.needed)) return undefined;
  secondChance(problem, chosen);
  if (served() <= before) return undefined;
  const tasks = problem.tasks.map((task) => {
    const extra = [...chosen[task.index]].filter((v) => !task.candidates.includes(v));
    return extra.length === 0 ? task : { ...task, candidates: [...task.candidates, ...extra].sort((a, b) => a - b) };
  });
  return { ...problem, tasks };
}
