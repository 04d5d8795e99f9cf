import type { PlanInput } from '@apron/planner';
import { guangdongTariff } from './guangzhou-day.scenario';
import type { HighwayDay } from './highway-day.scenario';
import { isoPlusMinutes, round, SeededRandom } from './random';

export interface HolidayHighwayOptions {
  seed: number;
  /** Connectors, two per charger (default 30). */
  connectors?: number;
  /** Grid connection (default 1,200 kW). */
  gridLimitKw?: number;
  /** Arrivals wanting to charge over the day (default 700; those who find no connector within 20 minutes leave). */
  arrivals?: number;
  /** Local clock hour the day starts (default 6) and its length (default 18 h). */
  startLocalHour?: number;
  hours?: number;
}

/** Longest wait for a connector before a driver gives up and drives on (not counted as a session). */
const MAX_WAIT_MINUTES = 20;

/**
 * A Guangdong expressway service area on a public holiday (issue 7's highway day): 30 connectors on 15 dual-connector
 * 160 kW chargers behind 1.2 MW, arrivals all day with the holiday's outbound (09–13 h) and return (15–20 h) peaks.
 * Drivers take a 20–60 minute break and leave when it ends; cars of 50–100 kWh arrive at 10–40 % and want 80 %
 * (some 90 or 100 %), accepting 60–250 kW. An arrival takes the connector that frees first; one that would wait more
 * than 20 minutes drives on. Tariff: Guangdong peak/flat/valley.
 */
export function generateHolidayHighwayDay(options: HolidayHighwayOptions): HighwayDay {
  const random = new SeededRandom(options.seed);
  const connectors = options.connectors ?? 30;
  const hours = options.hours ?? 18;
  const startLocalHour = options.startLocalHour ?? 6;
  const start = isoPlusMinutes('2026-10-01T00:00:00Z', (startLocalHour - 8) * 60);
  const chargers = Array.from({ length: Math.ceil(connectors / 2) }, (_, c) => ({
    id: `HPC-${String(c + 1).padStart(2, '0')}`,
    connectors: Math.min(2, connectors - 2 * c),
    maxKwPerConnector: 160,
    maxKw: 320,
  }));
  const arrivalsMinutes = Array.from({ length: options.arrivals ?? 700 }, () =>
    holidayMinute(random, hours, startLocalHour),
  )
    .filter((minutes) => minutes >= 0 && minutes < hours * 60 - 20)
    .sort((a, b) => a - b);
  const freeAt = new Array<number>(connectors).fill(0);
  const timeline: HighwayDay['timeline'] = [];
  for (const wanted of arrivalsMinutes) {
    const breakMinutes = random.integer(20, 60);
    const batteryKwh = [50, 60, 75, 82, 100][random.integer(0, 4)];
    const socPercent = round(random.between(10, 40), 1);
    const targetSocPercent = [80, 80, 80, 90, 100][random.integer(0, 4)];
    const maxChargeKw = [60, 90, 120, 150, 250][random.integer(0, 4)];
    let connector = 0;
    for (let c = 1; c < connectors; c++) if (freeAt[c] < freeAt[connector]) connector = c;
    const arrivalMinutes = 5 * Math.ceil(Math.max(wanted, freeAt[connector]) / 5);
    if (arrivalMinutes - wanted > MAX_WAIT_MINUTES) continue;
    const departureMinutes = Math.min(hours * 60, arrivalMinutes + breakMinutes);
    freeAt[connector] = departureMinutes;
    timeline.push({
      arrivalMinutes,
      departureMinutes,
      session: {
        id: `tx-${10000 + timeline.length}`,
        chargerId: chargers[Math.floor(connector / 2)].id,
        batteryKwh,
        socPercent,
        targetSocPercent,
        departure: isoPlusMinutes(start, departureMinutes),
        maxChargeKw,
        chargeEfficiency: 0.92,
      },
    });
  }
  const base: PlanInput = {
    version: 1,
    site: {
      id: `highway-holiday-${connectors}c-seed${options.seed}`,
      kind: 'highway',
      gridLimitKw: options.gridLimitKw ?? 1200,
      baseLoadKw: 60,
    },
    start,
    slots: [{ minutes: 5, count: 24 }],
    pricePerKwh: guangdongTariff(start, hours),
    chargers,
    vehicles: [],
    tasks: [],
    sessions: [],
  };
  return { base, timeline };
}

/** Minutes after the start: 35 % outbound peak around 11 h, 40 % return peak around 17:30, the rest spread. */
function holidayMinute(random: SeededRandom, hours: number, startLocalHour: number): number {
  const roll = random.next();
  const bell = () => random.next() + random.next() + random.next() - 1.5;
  const localHour =
    roll < 0.35 ? 11 + 1.5 * bell() : roll < 0.75 ? 17.5 + 2 * bell() : startLocalHour + random.next() * hours;
  return Math.round((localHour - startLocalHour) * 60);
}
