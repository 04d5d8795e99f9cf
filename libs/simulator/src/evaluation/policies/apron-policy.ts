import type { PlanInput, PlanOptions, PlanResult } from '@apron/planner';
import type { Decision, Policy, StepView } from '../evaluation-types';
import { chargingCandidates } from './charging-candidates';
import { assignMostEnergy } from './most-energy-assignment';
import { laxityMinutes } from './priority-policies';
import { scenarioFromState } from './scenario-from-state';

/** The part of `Planner` this policy uses (a real `Planner` in the CLI and tests). */
export interface PlannerLike {
  plan(input: PlanInput, options?: PlanOptions): Promise<PlanResult>;
}

export interface ApronPolicyOptions {
  planner: PlannerLike;
  /** Solve every this many minutes (≤ 60: the plan's 5-minute slots are applied in between), and on arrivals. Default 15. */
  replanEveryMinutes?: number;
  /**
   * Default 720: the planner gives stored energy no value past its horizon, so a short one lets the fleet run down
   * to reserve before the next wave; the flight schedule is known for the day anyway.
   */
  horizonMinutes?: number;
  timeLimitSeconds?: number;
  planOptions?: PlanOptions;
  /**
   * Give grid headroom the plan leaves unused this step to public EVs short of their target, least laxity first
   * (default true). The planner does not know who arrives next, so capacity it spreads over later slots can be
   * taken by arrivals it never saw; headroom unused now is lost.
   */
  fillPublicHeadroom?: boolean;
}

/**
 * Apron: every `replanEveryMinutes` a scenario v1 from the simulation state goes to the real planner; in between,
 * each step applies the plan's slot for that minute: its kW per vehicle/session and, for due tasks, its vehicles
 * (topped up by the most-energy rule when a planned vehicle cannot go). A last guard scales power down to the grid
 * limit, so an imperfect plan can never cause an overrun.
 */
export class ApronPolicy implements Policy {
  readonly name = 'apron';
  readonly solveMs: number[] = [];
  private result?: PlanResult;
  private solvedAtMinutes = 0;
  private knownSessionIds = new Set<string>();

  constructor(private readonly options: ApronPolicyOptions) {}

  async decide(view: StepView): Promise<Decision> {
    const replanEveryMinutes = this.options.replanEveryMinutes ?? 15;
    // A public EV unknown to the plan would get nothing until the next solve: its arrival triggers one.
    const arrived = view.sessions.some((session) => !this.knownSessionIds.has(session.spec.id));
    if (!this.result || arrived || view.minutes - this.solvedAtMinutes >= replanEveryMinutes) {
      this.knownSessionIds = new Set(view.sessions.map((session) => session.spec.id));
      const input = scenarioFromState(view, this.options.horizonMinutes ?? 720);
      const startedMs = performance.now();
      this.result = await this.options.planner.plan(input, {
        ...this.options.planOptions,
        timeLimitSeconds: this.options.timeLimitSeconds ?? 5,
      });
      this.solveMs.push(performance.now() - startedMs);
      this.solvedAtMinutes = view.minutes;
    }
    const slot = Math.round((view.minutes - this.solvedAtMinutes) / view.stepMinutes);
    const assignments = this.assignments(view, this.result);
    const departing = new Set(assignments.flatMap((assignment) => assignment.vehicleIds));
    const powerKw = new Map<string, number>();
    for (const row of this.result.charging) {
      const id = 'vehicleId' in row ? row.vehicleId : row.sessionId;
      const limitKw = view.limitKw.get(id);
      if (limitKw === undefined || departing.has(id)) continue;
      powerKw.set(id, Math.min(limitKw, (powerKw.get(id) ?? 0) + (row.kw[slot] ?? 0)));
    }
    if (this.options.fillPublicHeadroom ?? true) fillPublicHeadroom(view, powerKw, departing);
    guardGridLimit(view, powerKw);
    return { assignments, powerKw };
  }

  private assignments(view: StepView, result: PlanResult): Decision['assignments'] {
    const planned = new Map<string, string[]>();
    for (const { taskId, vehicleId } of result.assignments) {
      planned.set(taskId, [...(planned.get(taskId) ?? []), vehicleId]);
    }
    const byId = new Map(view.vehicles.map((vehicle) => [vehicle.spec.id, vehicle]));
    const taken = new Set<string>();
    const assignments: Decision['assignments'] = [];
    for (const task of view.openTasks) {
      if (task.startMinutes > view.minutes) continue;
      const ready = (planned.get(task.spec.id) ?? []).filter((id) => {
        const vehicle = byId.get(id);
        return (
          vehicle !== undefined &&
          !taken.has(id) &&
          vehicle.busyUntilMinutes <= view.minutes &&
          vehicle.energyKwh >= task.energyKwhPerVehicle
        );
      });
      ready.forEach((id) => taken.add(id));
      assignments.push({ taskId: task.spec.id, vehicleIds: ready.slice(0, task.vehiclesNeeded) });
    }
    // Top up tasks the plan left short, from vehicles the plan did not send elsewhere this step.
    for (const assignment of assignments) {
      const task = view.openTasks.find((t) => t.spec.id === assignment.taskId)!;
      const missing = task.vehiclesNeeded - assignment.vehicleIds.length;
      if (missing <= 0) continue;
      const extra = assignMostEnergy({ ...view, openTasks: [{ ...task, vehiclesNeeded: missing }] }, taken);
      if (extra.length === 0) continue;
      extra[0].vehicleIds.forEach((id) => taken.add(id));
      assignment.vehicleIds.push(...extra[0].vehicleIds);
    }
    return assignments.filter((assignment) => assignment.vehicleIds.length > 0);
  }
}

function fillPublicHeadroom(view: StepView, powerKw: Map<string, number>, departing: ReadonlySet<string>): void {
  const sessionIds = new Set(view.sessions.map((session) => session.spec.id));
  let headroomKw =
    view.site.gridLimitKw - (view.site.baseLoadKw ?? 0) - [...powerKw.values()].reduce((total, kw) => total + kw, 0);
  const candidates = chargingCandidates(view, departing)
    .filter((candidate) => sessionIds.has(candidate.id) && candidate.needKwh > 0)
    .sort((a, b) => laxityMinutes(a, view.minutes) - laxityMinutes(b, view.minutes) || a.id.localeCompare(b.id));
  for (const candidate of candidates) {
    if (headroomKw <= 1e-9) return;
    const plannedKw = powerKw.get(candidate.id) ?? 0;
    const extraKw = Math.min(headroomKw, candidate.limitKw - plannedKw);
    if (extraKw <= 0) continue;
    powerKw.set(candidate.id, plannedKw + extraKw);
    headroomKw -= extraKw;
  }
}

function guardGridLimit(view: StepView, powerKw: Map<string, number>): void {
  const headroomKw = Math.max(0, view.site.gridLimitKw - (view.site.baseLoadKw ?? 0));
  const totalKw = [...powerKw.values()].reduce((total, kw) => total + kw, 0);
  if (totalKw <= headroomKw) return;
  for (const [id, kw] of powerKw) powerKw.set(id, (kw * headroomKw) / totalKw);
}
