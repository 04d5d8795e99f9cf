/**
 * The demo's highway service area on a national holiday (Golden Week outbound traffic): 30 DC connectors behind a
 * 1.2 MW connection, public EVs arriving in a late-morning and an afternoon peak, each with its own battery, SoC,
 * target and time to leave. Deterministic for a seed.
 */
import { SeededRandom } from '../../../libs/simulator/src/scenarios';
import { DemoCharger, DemoEv, HighwayDemoSite } from './demo-site.types';
import { drawByLocalHour, shareOfDay } from '../../../libs/simulator/src/scenarios/flight-day';
import { DEMO_TIME_ZONE, GUANGDONG_TARIFF } from './guangdong-time';

export interface HighwaySize {
  chargers: number;
  connectorsPerCharger: number;
  /** Arrivals over a whole day; a shorter run gets its share. */
  evsPerDay: number;
  gridLimitKw: number;
  baseLoadKw: number;
}

export const HOLIDAY_HIGHWAY_SIZE: HighwaySize = {
  chargers: 15,
  connectorsPerCharger: 2,
  evsPerDay: 600,
  gridLimitKw: 1200,
  baseLoadKw: 80,
};

const BATTERY_KWH = [51, 60, 72, 78, 85, 100];
const MAX_KW = [60, 90, 120, 150];
const MINUTE_MS = 60_000;

/** Holiday arrivals per local hour: quiet night, a peak 09–12 and 14–18. */
function arrivalsPerHour(hour: number): number {
  if (hour < 6) return 0.1;
  if (hour < 8) return 0.5;
  if ((hour >= 9 && hour < 12) || (hour >= 14 && hour < 18)) return 1.6;
  if (hour < 21) return 1;
  return 0.4;
}

export function holidayHighway(seed: number, start: Date, hours: number, size = HOLIDAY_HIGHWAY_SIZE): HighwayDemoSite {
  const random = new SeededRandom(seed + 1);
  const chargers: DemoCharger[] = Array.from({ length: size.chargers }, (_, c) => ({
    chargePointId: `G4-HPC${String(c + 1).padStart(2, '0')}`,
    protocol: c % 3 === 0 ? 'ocpp1.6' : 'ocpp2.0.1',
    connectorKw: Array.from({ length: size.connectorsPerCharger }, () => 120),
    maxKw: 120 * size.connectorsPerCharger,
  }));
  const fromMs = start.getTime();
  const untilMs = fromMs + hours * 3_600_000;
  const count = Math.max(1, Math.round(size.evsPerDay * shareOfDay(fromMs, untilMs, arrivalsPerHour)));
  const evs: DemoEv[] = Array.from({ length: count }, () => {
    const arrivalMs = drawByLocalHour(() => random.next(), fromMs, untilMs, arrivalsPerHour);
    const batteryKwh = BATTERY_KWH[random.integer(0, BATTERY_KWH.length - 1)];
    return {
      idTag: '',
      arrival: new Date(arrivalMs),
      departure: new Date(arrivalMs + random.integer(20, 55) * MINUTE_MS),
      batteryKwh,
      socPercent: Math.round(random.between(8, 45)),
      targetSocPercent: random.chance(0.7) ? 80 : 90,
      maxKw: MAX_KW[random.integer(0, MAX_KW.length - 1)],
      iso15118: random.chance(0.5),
    };
  });
  evs.sort((a, b) => a.arrival.getTime() - b.arrival.getTime());
  evs.forEach((ev, i) => (ev.idTag = `EV-${String(i + 1).padStart(4, '0')}`));
  return {
    site: {
      code: 'G4-DEMO',
      name: 'G4 Beijing–Hong Kong–Macau expressway, Conghua service area (demo)',
      kind: 'highway',
      timeZone: DEMO_TIME_ZONE,
      gridLimitKw: size.gridLimitKw,
      baseLoadKw: size.baseLoadKw,
      demandChargePerKw: 0,
      tariff: GUANGDONG_TARIFF,
      unknownIdTagPolicy: 'accept',
    },
    chargers,
    evs,
  };
}
