import type { PlanInput, PlanResult } from '@apron/planner';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { DepotPlan, VirtualDepot } from '../../libs/simulator/src/depot';
import { aSite, aTask, aVehicle } from '../support/fixtures';
import { CHARGER_PASSWORD, registerCharger } from '../support/ocpp-clients';
import { TestApp } from '../support/test-app';

/** The simulated depot: 6 buses of 280 kWh, 3 dual-connector 150 kW DC chargers, 400 kW grid with 50 kW base load. */
export const SIM_START = new Date('2026-11-23T04:00:00Z');
export const GRID_LIMIT_KW = 400;
export const BASE_LOAD_KW = 50;
/** Valley price until 06:00 UTC, peak after: the cheap window is the first two simulated hours. */
export const CHEAP_UNTIL = new Date('2026-11-23T06:00:00Z');
export const BATTERY_KWH = 280;
export const RESERVE_PERCENT = 20;
/** Buses leave for the stand this long before a task starts; the site is configured with the same lead. */
export const DEPART_LEAD_MINUTES = 10;

const tariff = {
  currency: 'CNY',
  timeOfUse: [
    { band: 'valley', startLocal: '00:00', endLocal: '06:00', pricePerKwh: 0.28 },
    { band: 'peak', startLocal: '06:00', endLocal: '00:00', pricePerKwh: 1.02 },
  ],
};

export const BUS_SOC_PERCENT: Record<string, number> = {
  'BUS-01': 28,
  'BUS-02': 32,
  'BUS-03': 36,
  'BUS-04': 40,
  'BUS-05': 45,
  'BUS-06': 50,
};

export const CHARGERS = [
  { identity: 'SIM-CP1', protocol: 'ocpp1.6' as const },
  { identity: 'SIM-CP2', protocol: 'ocpp2.0.1' as const },
  { identity: 'SIM-CP3', protocol: 'ocpp1.6' as const },
];

/** Flights of the morning: start HH:MM UTC, minutes, buses, kWh per bus. */
export const TASKS: [flightRef: string, start: string, minutes: number, buses: number, energyKwh: number][] = [
  ['CZ3101', '04:40', 30, 2, 45],
  ['CZ3105', '05:20', 30, 1, 40],
  ['CZ3109', '05:50', 40, 2, 50],
  ['CZ3113', '06:30', 30, 2, 45],
  ['CZ3117', '06:55', 30, 1, 40],
  ['CZ3121', '07:20', 30, 2, 50],
];

export interface DepotSite {
  siteId: string;
  /** API vehicle id by fleet number. */
  vehicleIds: Record<string, string>;
  /** API task id by flightRef. */
  taskIds: Record<string, string>;
}

const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

export async function createDepotSite(app: TestApp, token: string): Promise<DepotSite> {
  const admin = app.http(token);
  const site = aSite({
    code: 'SIM-DEPOT',
    timeZone: 'UTC',
    gridLimitKw: GRID_LIMIT_KW,
    baseLoadKw: BASE_LOAD_KW,
    demandChargePerKw: 0,
    tariff,
    departureLeadMinutes: DEPART_LEAD_MINUTES,
  });
  const { siteId } = await registerCharger(app, token, CHARGERS[0].identity, { site, charger: { maxKw: 300 } });
  for (const { identity } of CHARGERS.slice(1)) {
    await registerCharger(app, token, identity, { siteId, charger: { maxKw: 300 } });
  }
  const vehicleIds: Record<string, string> = {};
  for (const fleetNumber of Object.keys(BUS_SOC_PERCENT)) {
    const body = aVehicle(siteId, {
      fleetNumber,
      idTag: `TAG-${fleetNumber}`,
      batteryKwh: BATTERY_KWH,
      minSocPercent: RESERVE_PERCENT,
      turnaroundMinutes: 5,
    });
    vehicleIds[fleetNumber] = (await admin.post('/api/v1/vehicles').send(body).expect(201)).body.id;
  }
  const taskIds: Record<string, string> = {};
  for (const [flightRef, start, minutes, buses, energyKwh] of TASKS) {
    const startAt = at(start);
    const body = aTask(siteId, {
      flightRef,
      vehiclesNeeded: buses,
      start: startAt.toISOString(),
      end: new Date(startAt.getTime() + minutes * 60_000).toISOString(),
      energyKwhPerVehicle: energyKwh,
    });
    taskIds[flightRef] = (await admin.post('/api/v1/tasks').send(body).expect(201)).body.id;
  }
  return { siteId, vehicleIds, taskIds };
}

export function virtualChargers(clock: ManualClock, endpoint: string): VirtualChargePoint[] {
  return CHARGERS.map(
    ({ identity, protocol }) =>
      new VirtualChargePoint({
        identity,
        endpoint,
        protocol,
        password: CHARGER_PASSWORD,
        clock,
        connectors: [
          { maxPowerKw: 150, currentType: 'DC' },
          { maxPowerKw: 150, currentType: 'DC' },
        ],
      }),
  );
}

export function virtualDepot(clock: ManualClock, chargePoints: VirtualChargePoint[]): VirtualDepot {
  return new VirtualDepot({
    clock,
    chargePoints,
    departLeadMinutes: DEPART_LEAD_MINUTES,
    buses: Object.entries(BUS_SOC_PERCENT).map(([id, socPercent]) => ({
      id,
      idTag: `TAG-${id}`,
      batteryKwh: BATTERY_KWH,
      socPercent,
      maxChargeKw: 150,
      turnaroundMinutes: 5,
    })),
  });
}

export interface StoredRun {
  id: string;
  tickAt: string;
  status: string;
  applied: 'new' | 'kept-last' | 'fallback';
  reason: string | null;
  notes: string[];
  input: PlanInput;
  result: PlanResult;
}

/**
 * The plan's tasks start at the departure (the site's lead before the flight's task), and a task past its departure
 * asks only for the buses still to leave; the depot keeps each flight's own start and buses, and leaves its lead before.
 */
export function depotPlanOf(run: StoredRun): DepotPlan {
  const flights = new Map(TASKS.map(([flightRef, start, , buses]) => [flightRef, { start: at(start), buses }]));
  return {
    tasks: (run.input.tasks ?? []).map((task) => {
      const flight = flights.get(task.id);
      return flight ? { ...task, start: flight.start.toISOString(), vehiclesNeeded: flight.buses } : task;
    }),
    assignments: run.result.assignments,
    charging: run.result.charging.map((row) => ({
      vehicleId: 'vehicleId' in row ? row.vehicleId : undefined,
      chargerId: row.chargerId,
      kw: row.kw,
    })),
    slotStarts: run.result.slotStarts,
  };
}
