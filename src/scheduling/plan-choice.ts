import type { PlanInput, PlanResult } from '@apron/planner';

/** A plan that was applied, with the input it was solved for. */
export interface AppliedPlan {
  input: PlanInput;
  result: PlanResult;
  solvedAt: Date;
}

export type PlanSource = 'new' | 'kept-last' | 'fallback';

export interface PlanChoice {
  source: PlanSource;
  input: PlanInput;
  result: PlanResult;
  /** Why the fresh solve was not applied as is; present for 'kept-last' and 'fallback'. */
  reason?: string;
}

export interface PlanChoiceOptions {
  /** The last good plan is kept at most this long after it was solved. */
  maxKeepMinutes: number;
}

const GOOD = new Set(['optimal', 'feasible']);

/**
 * DESIGN.md §3 step 5: a fresh plan that solved is applied; otherwise the last good plan is kept while
 * it still fits the site as it is now, else the planner's own fallback (safe by construction) applies.
 */
export function choosePlan(
  input: PlanInput,
  fresh: PlanResult,
  last: AppliedPlan | undefined,
  now: Date,
  options: PlanChoiceOptions,
): PlanChoice {
  if (GOOD.has(fresh.status)) return { source: 'new', input, result: fresh };
  const failure = `planner returned ${fresh.status}: ${fresh.message}`;
  const misfit = last ? whyLastPlanNoLongerFits(last, input, now, options) : 'there is no earlier plan';
  if (!misfit) {
    return {
      source: 'kept-last',
      input: last!.input,
      result: last!.result,
      reason: `${failure}; keeping the plan of ${last!.solvedAt.toISOString()}`,
    };
  }
  return { source: 'fallback', input, result: fresh, reason: `${failure}; fallback plan applied because ${misfit}` };
}

/** undefined when the last plan may still be applied, else the reason it may not. */
export function whyLastPlanNoLongerFits(
  last: AppliedPlan,
  current: PlanInput,
  now: Date,
  options: PlanChoiceOptions,
): string | undefined {
  if (!GOOD.has(last.result.status)) return `the last plan was itself ${last.result.status}`;
  const ageMinutes = (now.getTime() - last.solvedAt.getTime()) / 60_000;
  if (ageMinutes > options.maxKeepMinutes) return `the last plan is ${Math.round(ageMinutes)} minutes old`;
  const horizonEndMs = Date.parse(last.result.slotStarts.at(-1) ?? last.input.start);
  if (horizonEndMs <= now.getTime()) return 'the last plan has run out';
  if (current.site.gridLimitKw < last.input.site.gridLimitKw) return 'the grid limit was lowered';
  if ((current.site.baseLoadKw ?? 0) > (last.input.site.baseLoadKw ?? 0)) return 'the base load rose';
  const chargers = new Map(current.chargers.map((charger) => [charger.id, charger]));
  for (const charger of last.input.chargers) {
    const currentCharger = chargers.get(charger.id);
    if (!currentCharger) return `charger ${charger.id} is no longer usable`;
    if ((currentCharger.connectors ?? 1) < (charger.connectors ?? 1)) return `charger ${charger.id} lost a connector`;
  }
  const vehicles = new Set((current.vehicles ?? []).map((vehicle) => vehicle.id));
  for (const assignment of last.result.assignments) {
    if (!vehicles.has(assignment.vehicleId)) return `vehicle ${assignment.vehicleId} is no longer available`;
  }
  const tasksNow = new Map((current.tasks ?? []).map((task) => [task.id, task]));
  for (const assignment of last.result.assignments) {
    const task = tasksNow.get(assignment.taskId);
    if (task?.forbiddenVehicles?.includes(assignment.vehicleId)) {
      return `vehicle ${assignment.vehicleId} is now forbidden on ${assignment.taskId}`;
    }
  }
  return undefined;
}
