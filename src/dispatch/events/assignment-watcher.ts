import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Assignment } from '@apron/planner';
import { concatMap, filter, Subscription } from 'rxjs';
import { PlanRunsService } from '../../scheduling/plan-runs.service';
import { PlanAppliedEvent, SchedulingEvents } from '../../scheduling/scheduling-events';
import { diffAssignments } from './assignment-diff';
import { DispatchEvents } from './dispatch-events';

const RUNS_SCANNED_AFTER_RESTART = 10;

interface AppliedAssignments {
  planRunId: string;
  assignments: Assignment[];
}

/**
 * After each applied plan, tells the stream which assignments changed against the plan applied before it. Events
 * are handled one at a time, so consecutive plans of a site are always compared in order.
 */
@Injectable()
export class AssignmentWatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AssignmentWatcher.name);
  private readonly last = new Map<string, AppliedAssignments>();
  private subscription?: Subscription;

  constructor(
    private readonly scheduling: SchedulingEvents,
    private readonly runs: PlanRunsService,
    private readonly events: DispatchEvents,
  ) {}

  onModuleInit(): void {
    this.subscription = this.scheduling.events$
      .pipe(
        filter((event): event is PlanAppliedEvent => event.type === 'plan.applied'),
        concatMap((event) => this.handle(event)),
      )
      .subscribe();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** After a restart: the newest stored run before this one that applied its own plan. */
  private async storedBefore(siteId: string, runId: string): Promise<AppliedAssignments | null> {
    const [recent] = await this.runs.list(siteId, RUNS_SCANNED_AFTER_RESTART, 0);
    const earlier = recent.find((run) => run.id !== runId && run.applied !== 'kept-last');
    const stored = earlier ? await this.runs.find(siteId, earlier.id) : null;
    return stored ? { planRunId: stored.id, assignments: stored.result.assignments } : null;
  }

  private async handle(event: PlanAppliedEvent): Promise<void> {
    try {
      // A kept plan changes no assignment: the site goes on with the one applied before.
      if (event.applied === 'kept-last') return;
      const run = await this.runs.find(event.siteId, event.planRunId);
      if (!run) return;
      const previous = this.last.get(event.siteId) ?? (await this.storedBefore(event.siteId, run.id));
      const assignments = run.result.assignments;
      this.last.set(event.siteId, { planRunId: run.id, assignments });
      const diff = diffAssignments(previous?.assignments ?? [], assignments);
      if (diff.added.length === 0 && diff.removed.length === 0) return;
      this.events.publish({
        type: 'assignments.changed',
        siteId: event.siteId,
        planRunId: run.id,
        previousPlanRunId: previous?.planRunId ?? null,
        ...diff,
        at: event.tickAt,
      });
    } catch (error) {
      this.logger.warn(`site ${event.siteId}: assignment diff failed: ${(error as Error).message}`);
    }
  }
}
