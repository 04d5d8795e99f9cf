/** Time comes from an injected clock, so ticks and expiries can run on simulated time in tests. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
