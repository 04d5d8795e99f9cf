import type { Assignment } from '@apron/planner';

export interface AssignmentDiff {
  added: Assignment[];
  removed: Assignment[];
}

const key = (assignment: Assignment) => `${assignment.taskId}\u0000${assignment.vehicleId}`;

/** Assignments in `next` and not in `previous` (added), and the other way round (removed). */
export function diffAssignments(previous: Assignment[], next: Assignment[]): AssignmentDiff {
  const before = new Set(previous.map(key));
  const after = new Set(next.map(key));
  return {
    added: next.filter((assignment) => !before.has(key(assignment))),
    removed: previous.filter((assignment) => !after.has(key(assignment))),
  };
}
