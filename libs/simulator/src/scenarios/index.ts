export { generateAirportDay, dayNightTariff } from './airport-day.scenario';
export type { AirportDayOptions } from './airport-day.scenario';
export { generateHighwayDay, highwayTick } from './highway-day.scenario';
export type { HighwayDay, HighwayDayOptions } from './highway-day.scenario';
export { advanceAirportTick } from './advance-tick';
export { benchScenarios } from './bench-scenarios';
export type { BenchScenario } from './bench-scenarios';
export { SeededRandom } from './random';
