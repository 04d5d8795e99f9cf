import type { Decision, Policy, StepView } from '../evaluation-types';
import { ChargingCandidate, chargingCandidates } from './charging-candidates';
import { assignMostEnergy, departingIds } from './most-energy-assignment';

type Order = (a: ChargingCandidate, b: ChargingCandidate, nowMinutes: number) => number;

/**
 * Baseline charging: candidates in the policy's order each get their full limit while grid headroom
 * (limit − base load) lasts; the one at the edge gets the remainder. Assignments follow the most-energy rule.
 */
export class PriorityPolicy implements Policy {
  constructor(
    readonly name: string,
    private readonly order: Order,
  ) {}

  decide(view: StepView): Decision {
    const assignments = assignMostEnergy(view);
    const candidates = chargingCandidates(view, departingIds(assignments)).sort(
      (a, b) => this.order(a, b, view.minutes) || a.id.localeCompare(b.id),
    );
    let headroomKw = Math.max(0, view.site.gridLimitKw - (view.site.baseLoadKw ?? 0));
    const powerKw = new Map<string, number>();
    for (const candidate of candidates) {
      const kw = Math.min(candidate.limitKw, headroomKw);
      if (kw <= 0) break;
      powerKw.set(candidate.id, kw);
      headroomKw -= kw;
    }
    return { assignments, powerKw };
  }
}

/** Full power to everything plugged, grid limit ignored: the reference that shows what control buys. */
export class UncontrolledPolicy implements Policy {
  readonly name = 'uncontrolled';

  decide(view: StepView): Decision {
    const assignments = assignMostEnergy(view);
    const powerKw = new Map<string, number>();
    for (const candidate of chargingCandidates(view, departingIds(assignments))) {
      powerKw.set(candidate.id, candidate.limitKw);
    }
    return { assignments, powerKw };
  }
}

/** Minutes to spare if charged at full limit from now on. */
export function laxityMinutes(candidate: ChargingCandidate, nowMinutes: number): number {
  return candidate.deadlineMinutes - nowMinutes - (60 * Math.max(0, candidate.needKwh)) / candidate.limitKw;
}

export const firstComeFirstServed = () => new PriorityPolicy('fcfs', (a, b) => a.pluggedAtMinutes - b.pluggedAtMinutes);
export const earliestDeadlineFirst = () => new PriorityPolicy('edf', (a, b) => a.deadlineMinutes - b.deadlineMinutes);
export const leastLaxityFirst = () =>
  new PriorityPolicy('llf', (a, b, now) => laxityMinutes(a, now) - laxityMinutes(b, now));
