import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { PlanSource } from './plan-choice';

export interface PlanAppliedEvent {
  type: 'plan.applied';
  siteId: string;
  planRunId: string;
  tickAt: string;
  /** When the plan in force was made: this tick, or for a kept plan the tick that solved it. */
  planMadeAt: string;
  status: string;
  applied: PlanSource;
  reason: string | null;
  unservedTasks: number;
  /** Whole tick and solve alone, for metrics. */
  tickMs: number;
  solveMs: number;
  /** The site as this tick saw it, and the applied plan's charging power in the slot holding the tick. */
  gridLimitKw: number;
  baseLoadKw: number;
  plannedSitePowerKw: number;
}

export interface SchedulingAlert {
  type: 'alert';
  siteId: string;
  severity: 'warning' | 'critical';
  code: 'plan-fallback' | 'plan-kept-last' | 'tick-failed' | 'task-unserved';
  message: string;
  at: string;
}

export type SchedulingEvent = PlanAppliedEvent | SchedulingAlert;

/** Plan changes and alerts for the dispatcher stream. */
@Injectable()
export class SchedulingEvents {
  private readonly subject = new Subject<SchedulingEvent>();

  get events$(): Observable<SchedulingEvent> {
    return this.subject.asObservable();
  }

  publish(event: SchedulingEvent): void {
    this.subject.next(event);
  }
}
