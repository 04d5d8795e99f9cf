import type { PlanInput, SessionInput } from '@apron/planner';
import { dayNightTariff } from './airport-day.scenario';
import { isoPlusMinutes, round, SeededRandom } from './random';

export interface HighwayDayOptions {
  seed: number;
  /** Connectors, two per charger (default 40). */
  connectors?: number;
  /** Sessions over the window: each connector sees one session at the start and later ones as it frees (default 80). */
  sessions?: number;
  gridLimitKw?: number;
  /** Planning horizon per tick, in 5-minute slots (default 24 = 2 h). */
  slots?: number;
  start?: string;
}

interface TimedSession {
  session: SessionInput;
  arrivalMinutes: number;
  departureMinutes: number;
}

export interface HighwayDay {
  base: PlanInput;
  timeline: TimedSession[];
}

/** A deterministic highway service area: every connector busy at the start, a second wave arriving as they free. */
export function generateHighwayDay(options: HighwayDayOptions): HighwayDay {
  const random = new SeededRandom(options.seed);
  const connectors = options.connectors ?? 40;
  const sessionCount = options.sessions ?? 80;
  const start = options.start ?? '2026-11-22T16:00:00Z';
  const chargers = Array.from({ length: Math.ceil(connectors / 2) }, (_, c) => ({
    id: `HPC-${String(c + 1).padStart(2, '0')}`,
    connectors: Math.min(2, connectors - 2 * c),
    maxKwPerConnector: 150,
    maxKw: 300,
  }));
  const timeline: TimedSession[] = [];
  const freeAt = new Array<number>(connectors).fill(0);
  for (let s = 0; s < sessionCount; s++) {
    const connector = s % connectors;
    const arrivalMinutes = s < connectors ? 0 : freeAt[connector] + random.integer(0, 10);
    const departureMinutes = arrivalMinutes + random.integer(s < connectors ? 15 : 25, 90);
    freeAt[connector] = departureMinutes;
    const batteryKwh = [60, 75, 82, 100][random.integer(0, 3)];
    timeline.push({
      arrivalMinutes,
      departureMinutes,
      session: {
        id: `tx-${1000 + s}`,
        chargerId: chargers[Math.floor(connector / 2)].id,
        batteryKwh,
        socPercent: round(random.between(10, 55), 1),
        targetSocPercent: [80, 80, 90, 100][random.integer(0, 3)],
        departure: isoPlusMinutes(start, departureMinutes),
        maxChargeKw: [50, 100, 150, 150][random.integer(0, 3)],
        chargeEfficiency: 0.92,
      },
    });
  }
  const base: PlanInput = {
    version: 1,
    site: {
      id: `highway-${connectors}c-seed${options.seed}`,
      kind: 'highway',
      gridLimitKw: options.gridLimitKw ?? 1200,
      baseLoadKw: 40,
    },
    start,
    slots: [{ minutes: 5, count: options.slots ?? 24 }],
    pricePerKwh: dayNightTariff(start, 4),
    chargers,
    vehicles: [],
    tasks: [],
    sessions: [],
  };
  return { base, timeline };
}

/** The planner input `minutes` after the start: sessions present then, SoC advanced as if charged at ~50 kW. */
export function highwayTick(day: HighwayDay, minutes: number): PlanInput {
  const sessions = day.timeline
    .filter((item) => item.arrivalMinutes <= minutes && minutes < item.departureMinutes)
    .map(({ session, arrivalMinutes }) => {
      const gainedPercent = ((minutes - arrivalMinutes) * (50 / 60) * 100) / session.batteryKwh;
      return { ...session, socPercent: round(Math.min(100, session.socPercent + gainedPercent), 2) };
    });
  return { ...day.base, start: isoPlusMinutes(day.base.start, minutes), sessions };
}
