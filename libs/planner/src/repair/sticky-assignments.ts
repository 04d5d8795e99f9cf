import { Problem } from '../problem/problem';
import { PlanResult } from '../types/plan-result';
import { secondChance } from './second-chance';

/** Last applied assignment of a site, by task id, and how many ticks it has been reused. */
export interface StickyAssignments {
  fleetKey: string;
  byTask: Map<string, string[]>;
  reusedTicks: number;
}

/** More new tasks than this share of all tasks and the assignment model runs again. */
const MAX_NEW_TASK_SHARE = 0.1;

export function fleetKey(problem: Problem): string {
  return problem.vehicles.map((vehicle) => `${vehicle.id}:${vehicle.type}`).join(',');
}

export function rememberAssignments(problem: Problem, result: PlanResult, reusedTicks: number): StickyAssignments {
  const byTask = new Map<string, string[]>(problem.tasks.map((task) => [task.id, []]));
  for (const { taskId, vehicleId } of result.assignments) byTask.get(taskId)?.push(vehicleId);
  return { fleetKey: fleetKey(problem), byTask, reusedTicks };
}

/**
 * Warm ticks of the two-stage plan keep the previous tick's assignment (stable for dispatchers, and it skips the
 * assignment model): each task's candidates become its previous vehicles plus pins, and tasks left short (new ones
 * included) get a second chance. Returns undefined, so the assignment model runs, when the fleet changed or more than
 * a tenth of the tasks are new.
 */
export function restrictToPrevious(problem: Problem, previous: StickyAssignments): Problem | undefined {
  if (previous.fleetKey !== fleetKey(problem)) return undefined;
  const index = new Map(problem.vehicles.map((vehicle) => [vehicle.id, vehicle.index]));
  const chosen: Set<number>[] = [];
  const newTasks = problem.tasks.filter((task) => !previous.byTask.has(task.id)).length;
  if (newTasks > MAX_NEW_TASK_SHARE * problem.tasks.length) return undefined;
  for (const task of problem.tasks) {
    const vehicleIds = previous.byTask.get(task.id) ?? [];
    const vehicles = new Set(task.pinned);
    for (const id of vehicleIds) {
      const v = index.get(id);
      if (v === undefined || task.forbidden.has(v) || problem.vehicles[v].type !== task.type) continue;
      if (vehicles.size < task.needed) vehicles.add(v);
    }
    chosen.push(vehicles);
  }
  secondChance(problem, chosen);
  const tasks = problem.tasks.map((task) => ({ ...task, candidates: [...chosen[task.index]].sort((a, b) => a - b) }));
  return { ...problem, tasks };
}
