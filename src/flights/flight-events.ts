import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import type { Actor } from '../auth/actor.decorator';

/** A flight update that changed the flight's task, with the reasons in words, for the dispatcher's stream. */
export interface FlightChangedEvent {
  type: 'flight.changed';
  siteId: string;
  flightId: string;
  /** e.g. CZ3101 */
  flight: string;
  operatingDate: string;
  direction: 'arrival' | 'departure';
  /** e.g. "delayed 40 min (in-block 08:10Z)", "stand R201 -> C12", "cancelled", "passengers 172 -> 260". */
  reasons: string[];
  taskId: string | null;
  /** What happened to the task: created, moved, resized, stand-changed, cancelled, restored. */
  taskChanges: string[];
  /** Who posted the update (API key and role), when known: a dispatcher's own updates go in the override audit. */
  by: Actor | null;
  at: string;
}

/** A schedule file imported for the site. */
export interface ScheduleImportedEvent {
  type: 'flights.imported';
  siteId: string;
  created: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  tasksChanged: number;
  at: string;
}

export type FlightEvent = FlightChangedEvent | ScheduleImportedEvent;

/** Flight changes for the live stream (src/dispatch/stream merges them with scheduling's and dispatch's events). */
@Injectable()
export class FlightEvents {
  private readonly subject = new Subject<FlightEvent>();

  get events$(): Observable<FlightEvent> {
    return this.subject.asObservable();
  }

  publish(event: FlightEvent): void {
    this.subject.next(event);
  }
}
