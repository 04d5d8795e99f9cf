import { ApiClient, ApiError } from './api.js';
import type { SseFrame } from './sse-parser.js';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export interface StreamHandlers {
  onFrame(frame: SseFrame): void;
  onState(state: 'connecting' | 'reconnecting' | 'live'): void;
  /** The key was refused: following stops. */
  onUnauthorized(): void;
  /** After a broken stream, before reconnecting: events may have been missed. */
  onGap(): void;
}

/**
 * Follows a site's event stream until `signal` aborts: reconnects after an end or an error, waiting 1 s and doubling
 * up to 30 s while no frame arrives (a heartbeat comes every 15 s, so a live stream resets the wait).
 */
export async function followStream(
  client: ApiClient,
  path: string,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  let retryMs = FIRST_RETRY_MS;
  handlers.onState('connecting');
  while (!signal.aborted) {
    try {
      await client.stream(
        path,
        (frame) => {
          retryMs = FIRST_RETRY_MS;
          handlers.onState('live');
          handlers.onFrame(frame);
        },
        signal,
      );
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) return handlers.onUnauthorized();
    }
    if (signal.aborted) return;
    handlers.onState('reconnecting');
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    handlers.onGap();
  }
}

/** One line for the live events list. */
export function describeEvent(type: string, event: Record<string, unknown>): string {
  const details = (event.details ?? {}) as Record<string, unknown>;
  switch (type) {
    case 'plan.applied': {
      const unserved = Number(event.unservedTasks) > 0 ? `, ${event.unservedTasks} unserved` : '';
      return `plan applied: ${event.applied}, ${event.status}${unserved}`;
    }
    case 'assignments.changed':
      return `assignments: +${(event.added as unknown[]).length} −${(event.removed as unknown[]).length}`;
    case 'override':
      return `override: ${event.kind} ${details.vehicle ?? ''} ${details.flightRef ?? ''}`.trim();
    case 'flight.changed':
      return `flight ${event.flight}: ${(event.reasons as string[]).join(', ')}`;
    case 'flights.imported':
      return `schedule imported: ${event.created} new, ${event.updated} changed, ${event.cancelled} cancelled`;
    case 'alert.raised':
    case 'alert.cleared': {
      const message = (event.alert as { message?: string } | undefined)?.message ?? '';
      return `${type === 'alert.raised' ? 'alert' : 'cleared'}: ${message}`;
    }
    default:
      return `${type}: ${typeof event.message === 'string' ? event.message : ''}`;
  }
}
