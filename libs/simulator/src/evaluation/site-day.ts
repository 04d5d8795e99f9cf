import type { PlanInput } from '@apron/planner';
import { generateAirportDay, AirportDayOptions } from '../scenarios/airport-day.scenario';
import { generateHighwayDay, HighwayDay, HighwayDayOptions } from '../scenarios/highway-day.scenario';
import { generateGuangzhouDay, GuangzhouDayOptions } from '../scenarios/guangzhou-day.scenario';
import { generateGuangzhouFlightDay, GuangzhouFlightDayOptions } from '../scenarios/guangzhou-flight-day.scenario';
import { generateHolidayHighwayDay, HolidayHighwayOptions } from '../scenarios/highway-holiday.scenario';
import type { SiteDay } from './evaluation-types';

/** An airport day from the scenario generator, simulated in `stepMinutes` steps. */
export function airportSiteDay(options: AirportDayOptions, stepMinutes = 5): SiteDay {
  return { base: generateAirportDay(options), arrivals: [], dayMinutes: options.hours * 60, stepMinutes };
}

/** A highway afternoon: the generator's sessions arrive and leave on their own timeline. */
export function highwaySiteDay(options: HighwayDayOptions & { hours?: number }, stepMinutes = 5): SiteDay {
  return timelineSiteDay(generateHighwayDay(options), options.hours, stepMinutes);
}

/**
 * The Guangzhou remote-stand day read from an SSIM schedule and turned into tasks by the service's own flight rules
 * (see guangzhou-flight-day.scenario.ts): the evaluation's airport day.
 */
export function guangzhouFlightSiteDay(options: GuangzhouFlightDayOptions, stepMinutes = 5): SiteDay {
  const day = generateGuangzhouFlightDay(options);
  return { base: day.input, arrivals: [], dayMinutes: (options.hours ?? 24) * 60, stepMinutes };
}

/** The earlier Guangzhou day with synthetic tasks, not derived from flights (see guangzhou-day.scenario.ts). */
export function guangzhouSiteDay(options: GuangzhouDayOptions, stepMinutes = 5): SiteDay {
  return { base: generateGuangzhouDay(options), arrivals: [], dayMinutes: (options.hours ?? 24) * 60, stepMinutes };
}

/** Issue 7's highway day: a Guangdong expressway service area on a public holiday. */
export function holidayHighwaySiteDay(options: HolidayHighwayOptions, stepMinutes = 5): SiteDay {
  return timelineSiteDay(generateHolidayHighwayDay(options), options.hours ?? 18, stepMinutes);
}

function timelineSiteDay(day: HighwayDay, hours: number | undefined, stepMinutes: number): SiteDay {
  const lastDepartureMinutes = Math.max(0, ...day.timeline.map((item) => item.departureMinutes));
  return {
    base: day.base,
    arrivals: day.timeline,
    dayMinutes: (hours ?? Math.ceil(lastDepartureMinutes / 60)) * 60,
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
