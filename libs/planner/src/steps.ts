import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A computation written as a generator that `yield`s where it may pause: the same code runs straight through for
 * callers that need a value now, or gives the event loop a turn at each pause so a long plan does not hold up the
 * service's HTTP and OCPP traffic.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export async function runStepsYielding<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await nextTurn();
  }
}

/** Gives the event loop one turn. */
export function yieldToEventLoop(): Promise<void> {
  return nextTurn();
}
