import { Injectable, MessageEvent } from '@nestjs/common';
import { filter, interval, map, merge, Observable, startWith } from 'rxjs';
import { SchedulingEvents } from '../../scheduling/scheduling-events';
import { FlightEvents } from '../../flights/flight-events';
import { DispatchEvents } from '../events/dispatch-events';

export const HEARTBEAT_MS = 15_000;

/**
 * One site's live events as Server-Sent Events: plan.applied and alert from scheduling, assignments.changed and
 * override from dispatch, flight.changed and flights.imported from flights, each with its type as the SSE event name; a comment first (so the response starts at
 * once) and then every 15 s (so proxies and clients see the connection is alive).
 */
@Injectable()
export class SiteStream {
  constructor(
    private readonly scheduling: SchedulingEvents,
    private readonly dispatch: DispatchEvents,
    private readonly flights: FlightEvents,
  ) {}

  of(siteId: string, heartbeatMs = HEARTBEAT_MS): Observable<MessageEvent> {
    const events = merge(this.scheduling.events$, this.dispatch.events$, this.flights.events$).pipe(
      filter((event) => event.siteId === siteId),
      map((event): MessageEvent => ({ type: event.type, data: event })),
    );
    const heartbeats = interval(heartbeatMs).pipe(map((): MessageEvent => ({ comment: 'heartbeat' }) as MessageEvent));
    return merge(events, heartbeats).pipe(startWith({ comment: 'connected' } as MessageEvent));
  }
}
