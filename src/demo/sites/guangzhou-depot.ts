/**
 * The demo's airport: a Guangzhou-sized remote-stand operation. Apron buses of 250–350 kWh serve flight-driven
 * transfer tasks in a morning and an evening wave, and charge at dual-connector 150 kW DC chargers behind one grid
 * connection, on a Guangdong time-of-use tariff. Deterministic for a seed.
 */
import { SeededRandom } from '../../../libs/simulator/src/scenarios';
import {
  generateFlights,
  generateStands,
  guangzhouFlightsPerLocalHour,
  knownFlights,
  tasksOfFlights,
} from '../../../libs/simulator/src/scenarios/flight-day';
import { AirportDemoSite, DemoBus, DemoCharger } from './demo-site.types';
import { DEMO_TIME_ZONE, GUANGDONG_TARIFF } from './guangdong-time';

export interface AirportSize {
  buses: number;
  chargers: number;
  /** Flights over a whole day (those at contact stands need no bus); a shorter run gets the share of its hours. */
  tasksPerDay: number;
  gridLimitKw: number;
  baseLoadKw: number;
  /** Buses start the run with an SoC drawn from this range, %. */
  initialSocPercent: [number, number];
}

export const GUANGZHOU_DEPOT_SIZE: AirportSize = {
  buses: 40,
  chargers: 20,
  tasksPerDay: 500,
  gridLimitKw: 2000,
  baseLoadKw: 150,
  initialSocPercent: [45, 90],
};

const BATTERY_KWH = [258, 282, 300, 322, 350];
/** No task in the first minutes, so the first plan can assign them. */
const FIRST_TASK_AFTER_MINUTES = 20;
const MINUTE_MS = 60_000;
/** Buses leave for the remote stand this long before a task starts (pull-out time). */
const DEPART_LEAD_MINUTES = 10;

/**
 * Tasks cover the run's `hours` and `aheadHours` after it: the schedule is published a day ahead, so the plan's
 * horizon holds the next day's flights too.
 */
export function guangzhouDepot(
  seed: number,
  start: Date,
  hours: number,
  aheadHours: number,
  size = GUANGZHOU_DEPOT_SIZE,
): AirportDemoSite {
  const random = new SeededRandom(seed);
  const chargers: DemoCharger[] = Array.from({ length: size.chargers }, (_, c) => ({
    chargePointId: `CAN-CP${String(c + 1).padStart(2, '0')}`,
    protocol: c % 2 === 0 ? 'ocpp1.6' : 'ocpp2.0.1',
    connectorKw: [150, 150],
    maxKw: 150,
  }));
  const buses: DemoBus[] = Array.from({ length: size.buses }, (_, b) => {
    const fleetNumber = `BUS-${String(b + 1).padStart(2, '0')}`;
    return {
      fleetNumber,
      idTag: `CAN-${fleetNumber}`,
      batteryKwh: BATTERY_KWH[random.integer(0, BATTERY_KWH.length - 1)],
      socPercent: Math.round(random.between(...size.initialSocPercent)),
      maxChargeKw: 150,
    };
  });
  return {
    site: {
      code: 'CAN-DEMO',
      name: 'Guangzhou Baiyun remote-stand depot (demo)',
      kind: 'airport',
      timeZone: DEMO_TIME_ZONE,
      gridLimitKw: size.gridLimitKw,
      baseLoadKw: size.baseLoadKw,
      demandChargePerKw: 0,
      tariff: GUANGDONG_TARIFF,
      departureLeadMinutes: DEPART_LEAD_MINUTES,
      iataCode: 'CAN',
    },
    departLeadMinutes: DEPART_LEAD_MINUTES,
    chargers,
    buses,
    ...flightDay(random, start, hours + aheadHours, size.tasksPerDay),
  };
}

/** Flights whose buses work in the run (plus the look-ahead), the live feed's updates, and the tasks they make. */
function flightDay(random: SeededRandom, start: Date, hours: number, perDay: number) {
  const stands = generateStands(random);
  const fromMs = start.getTime() + FIRST_TASK_AFTER_MINUTES * MINUTE_MS;
  const untilMs = start.getTime() + hours * 3_600_000;
  const flights = generateFlights(
    random,
    stands,
    fromMs,
    untilMs,
    perDay,
    guangzhouFlightsPerLocalHour,
    start.getTime() + 5 * MINUTE_MS,
  );
  return { stands, flights, tasks: tasksOfFlights(knownFlights(flights), stands, random) };
}
