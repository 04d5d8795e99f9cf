import type { PlanInput } from '@apron/planner';
import { generateAirportDay, AirportDayOptions } from '../scenarios/airport-day.scenario';
import { generateHighwayDay, HighwayDayOptions } from '../scenarios/highway-day.scenario';
import type { SiteDay } from './evaluation-types';

/** An airport day from the scenario generator, simulated in `stepMinutes` steps. */
export function airportSiteDay(options: AirportDayOptions, stepMinutes = 5): SiteDay {
  return { base: generateAirportDay(options), arrivals: [], dayMinutes: options.hours * 60, stepMinutes };
}

/** A highway afternoon: the generator's sessions arrive and leave on their own timeline. */
export function highwaySiteDay(options: HighwayDayOptions & { hours?: number }, stepMinutes = 5): SiteDay {
  const day = generateHighwayDay(options);
  const lastDepartureMinutes = Math.max(0, ...day.timeline.map((item) => item.departureMinutes));
  return {
    base: day.base,
    arrivals: day.timeline,
    dayMinutes: (options.hours ?? Math.ceil(lastDepartureMinutes / 60)) * 60,
    stepMinutes,
  };
}

/** The same day with another grid limit (the sweep varies only this). */
export function withGridLimit(day: SiteDay, gridLimitKw: number): SiteDay {
  return { ...day, base: { ...day.base, site: { ...day.base.site, gridLimitKw } } };
}

/** Price of the tariff step function at `minutes` after the day's start. */
export function priceAt(input: PlanInput, minutes: number): number {
  const atMs = Date.parse(input.start) + minutes * 60_000;
  let price = input.pricePerKwh[0]?.price ?? 0;
  for (const step of input.pricePerKwh) {
    if (Date.parse(step.from) <= atMs) price = step.price;
  }
  return price;
}
