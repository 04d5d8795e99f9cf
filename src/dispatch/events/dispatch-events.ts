import { Injectable } from '@nestjs/common';
import type { Assignment } from '@apron/planner';
import { Observable, Subject } from 'rxjs';
import type { DispatchAlert } from '../board/plan-alerts';
import type { OverrideKind } from '../overrides/override-record.entity';

export interface OverrideEvent {
  type: 'override';
  siteId: string;
  overrideId: string;
  kind: OverrideKind;
  taskId: string | null;
  vehicleId: string | null;
  details: Record<string, unknown>;
  by: { apiKeyId: string | null; role: string };
  at: string;
}

export interface AssignmentsChangedEvent {
  type: 'assignments.changed';
  siteId: string;
  planRunId: string;
  /** The run the diff is against; null for a site's first plan. */
  previousPlanRunId: string | null;
  added: Assignment[];
  removed: Assignment[];
  at: string;
}

/** A derived alert (GET alerts) that started or stopped holding. */
export interface AlertChangeEvent {
  type: 'alert.raised' | 'alert.cleared';
  siteId: string;
  alert: DispatchAlert;
  at: string;
}

export type DispatchEvent = OverrideEvent | AssignmentsChangedEvent | AlertChangeEvent;

/** Dispatcher overrides and assignment changes, for the live stream (scheduling's own events come separately). */
@Injectable()
export class DispatchEvents {
  private readonly subject = new Subject<DispatchEvent>();

  get events$(): Observable<DispatchEvent> {
    return this.subject.asObservable();
  }

  publish(event: DispatchEvent): void {
    this.subject.next(event);
  }
}
