import { busyEndMinutes, Problem } from '../problem/problem';
import { Variables } from '../model/variables';

export const INTEGRALITY_TOLERANCE = 1e-6;

export interface BoundChanges {
  indices: number[];
  lower: number[];
  upper: number[];
}

export function assignmentsIntegral(vars: Pick<Variables, 'assign'>, values: Float64Array): boolean {
  for (const columns of vars.assign) {
    for (const column of columns.values()) {
      const value = values[column];
      if (Math.abs(value - Math.round(value)) > INTEGRALITY_TOLERANCE) return false;
    }
  }
  return true;
}

/**
 * First repair round: turn a fractional assignment into an integral one. Tasks in start order take their pins, then
 * the candidates with the largest LP value that are still free (turnaround included), as many as the LP served
 * (rounded). Chosen columns keep upper bound 1, all others get 0; the LP then re-plans charging for that assignment.
 */
export function roundAssignments(
  problem: Problem,
  vars: Pick<Variables, 'assign'>,
  values: Float64Array,
  upper: Float64Array,
): BoundChanges {
  const changes: BoundChanges = { indices: [], lower: [], upper: [] };
  const busy: { from: number; to: number }[][] = problem.vehicles.map(() => []);
  const ordered = [...problem.tasks].sort((a, b) => a.startMinutes - b.startMinutes || a.index - b.index);
  for (const task of ordered) {
    const columns = vars.assign[task.index];
    const served = [...columns.values()].reduce((sum, column) => sum + values[column], 0);
    const wanted = Math.max(task.pinned.length, Math.min(task.needed, Math.round(served + INTEGRALITY_TOLERANCE)));
    const ranked = [...columns.entries()]
      .filter(([, column]) => upper[column] > 0.5)
      .sort((a, b) => values[b[1]] - values[a[1]] || a[0] - b[0]);
    const chosen = new Set<number>(task.pinned);
    for (const [v] of ranked) {
      if (chosen.size >= wanted) break;
      const vehicle = problem.vehicles[v];
      const to = busyEndMinutes(task, vehicle);
      if (busy[v].some((interval) => interval.from < to && task.startMinutes < interval.to)) continue;
      chosen.add(v);
    }
    for (const v of chosen) busy[v].push({ from: task.startMinutes, to: busyEndMinutes(task, problem.vehicles[v]) });
    for (const [v, column] of columns) {
      const pinned = task.pinned.includes(v);
      changes.indices.push(column);
      changes.lower.push(pinned ? 1 : 0);
      changes.upper.push(chosen.has(v) ? 1 : 0);
    }
  }
  return changes;
}

/** Later repair rounds: an assignment the LP could only partly honour (short of energy) is dropped. */
export function dropFractional(vars: Variables, values: Float64Array, lower: Float64Array): BoundChanges {
  const changes: BoundChanges = { indices: [], lower: [], upper: [] };
  for (const columns of vars.assign) {
    for (const column of columns.values()) {
      const value = values[column];
      if (Math.abs(value - Math.round(value)) <= INTEGRALITY_TOLERANCE) continue;
      changes.indices.push(column);
      changes.lower.push(lower[column]);
      changes.upper.push(lower[column]);
    }
  }
  return changes;
}
