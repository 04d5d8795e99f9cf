/** Where fleet state reads "now"; tests may provide their own. */
export interface FleetClock {
  now(): Date;
}

export const FLEET_CLOCK = Symbol('FLEET_CLOCK');

export const SYSTEM_CLOCK: FleetClock = { now: () => new Date() };
