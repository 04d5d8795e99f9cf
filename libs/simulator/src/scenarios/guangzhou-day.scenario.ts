import type { ChargerInput, PlanInput, TaskInput, VehicleInput } from '@apron/planner';
import { slotLayout } from './airport-day.scenario';
import { isoPlusMinutes, round, SeededRandom } from './random';

/** China Standard Time: UTC+8 (local clock hours below). */
const LOCAL_OFFSET_HOURS = 8;

export interface GuangzhouDayOptions {
  seed: number;
  /** Apron buses (default 40), batteries 250–350 kWh. */
  buses?: number;
  /** Dual-connector 150 kW DC chargers (default 20). */
  chargers?: number;
  /** Transfer tasks over the day (default 600). */
  tasks?: number;
  /** Site grid connection (default 2,000 kW). */
  gridLimitKw?: number;
  /** Local clock hour the day starts (default 5) and its length in hours (default 24). */
  startLocalHour?: number;
  hours?: number;
  /** Calendar day (local), default 2026-07-15: a summer weekday (A/C load, critical-peak tariff). */
  date?: string;
}

/**
 * Guangdong's peak/flat/valley tariff for large industrial users (1–10 kV), local clock: peak 10–12 and 14–19 h,
 * flat 8–10, 12–14 and 19–24 h, valley 0–8 h, priced in the province's 1.7 : 1 : 0.38 ratio around a flat price of
 * 0.64 CNY/kWh; in July–September the critical peak (11–12 and 15–17 h) costs 1.25 × peak.
 */
export const GUANGDONG_TARIFF = { criticalPeak: 1.36, peak: 1.088, flat: 0.64, valley: 0.243 } as const;

export function guangdongPrice(localHour: number, summer = false): number {
  const h = ((localHour % 24) + 24) % 24;
  if (h < 8) return GUANGDONG_TARIFF.valley;
  if (summer && (h === 11 || h === 15 || h === 16)) return GUANGDONG_TARIFF.criticalPeak;
  if ((h >= 10 && h < 12) || (h >= 14 && h < 19)) return GUANGDONG_TARIFF.peak;
  return GUANGDONG_TARIFF.flat;
}

/** Hourly steps of the Guangdong tariff from local midnight before `startIso` for `hours` + 24 h (UTC times). */
export function guangdongTariff(startIso: string, hours: number): PlanInput['pricePerKwh'] {
  const startMs = Date.parse(startIso);
  const localMidnightMs =
    Math.floor((startMs + LOCAL_OFFSET_HOURS * 3_600_000) / 86_400_000) * 86_400_000 - LOCAL_OFFSET_HOURS * 3_600_000;
  const steps: PlanInput['pricePerKwh'] = [];
  const lastHour = Math.ceil((startMs - localMidnightMs) / 3_600_000 + hours + 24);
  for (let hour = 0; hour <= lastHour; hour++) {
    const month = new Date(localMidnightMs + LOCAL_OFFSET_HOURS * 3_600_000 + hour * 3_600_000).getUTCMonth() + 1;
    const price = guangdongPrice(hour, month >= 7 && month <= 9);
    if (steps.length === 0 || steps[steps.length - 1].price !== price) {
      steps.push({ from: new Date(localMidnightMs + hour * 3_600_000).toISOString().replace('.000Z', 'Z'), price });
    }
  }
  return steps;
}

const BATTERIES_KWH = [258, 282, 314, 350];

/**
 * A Guangzhou-sized remote-stand day (issue 7's evaluation day): ~40 apron buses of 250–350 kWh, 20 dual-connector
 * 150 kW DC chargers (two connectors share the charger's 150 kW) behind a 2 MW connection, Guangdong's
 * peak/flat/valley tariff, and ~600 transfer tasks in a morning bank (06–13 h), an evening bank (16–23 h) and a
 * steady daytime flow, on a summer weekday. A task is a remote-stand transfer: 15–30 minutes at 0.6–0.8 kWh per
 * minute (driving at ~1.3 kWh/km plus 15–20 kW of A/C while passengers board in Guangzhou's July heat), i.e.
 * 9–24 kWh; 15 % need two buses (wide-body flights): ~11 MWh a day, more than the fleet holds above reserve. Buses
 * start the day after the night's valley charging at 80–95 %; 40 of them fit the 40 connectors.
 */
export function generateGuangzhouDay(options: GuangzhouDayOptions): PlanInput {
  const random = new SeededRandom(options.seed);
  const buses = options.buses ?? 40;
  const chargerCount = options.chargers ?? 20;
  const taskCount = options.tasks ?? 600;
  const hours = options.hours ?? 24;
  const startLocalHour = options.startLocalHour ?? 5;
  const date = options.date ?? '2026-07-15';
  const start = isoPlusMinutes(`${date}T00:00:00Z`, (startLocalHour - LOCAL_OFFSET_HOURS) * 60);

  const chargers: ChargerInput[] = Array.from({ length: chargerCount }, (_, c) => ({
    id: `DC-${pad(c + 1)}`,
    connectors: 2,
    maxKwPerConnector: 150,
    maxKw: 150,
  }));
  const vehicles: VehicleInput[] = Array.from({ length: buses }, (_, v) => {
    const vehicle: VehicleInput = {
      id: `BUS-${pad(v + 1)}`,
      type: 'apron-bus',
      batteryKwh: BATTERIES_KWH[random.integer(0, BATTERIES_KWH.length - 1)],
      socPercent: round(random.between(80, 95), 1),
      minSocPercent: 20,
      maxSocPercent: 95,
      maxChargeKw: 150,
      chargeEfficiency: 0.93,
      turnaroundMinutes: 5,
    };
    if (v < 2 * chargerCount) vehicle.pluggedInto = chargers[Math.floor(v / 2)].id;
    return vehicle;
  });

  const tasks: TaskInput[] = [];
  for (let k = 0; k < taskCount; k++) {
    const durationMinutes = 5 * random.integer(3, 6);
    const localMinute = waveLocalMinute(random);
    const startMinutes = 5 * Math.round((localMinute - startLocalHour * 60) / 5);
    if (startMinutes < 0 || startMinutes + durationMinutes > hours * 60) {
      k--;
      continue;
    }
    tasks.push({
      id: `CAN-${pad(k + 1, 4)}`,
      vehicleType: 'apron-bus',
      vehiclesNeeded: random.chance(0.15) ? 2 : 1,
      start: isoPlusMinutes(start, startMinutes),
      end: isoPlusMinutes(start, startMinutes + durationMinutes),
      energyKwhPerVehicle: round(durationMinutes * random.between(0.6, 0.8), 1),
    });
  }
  tasks.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));

  return {
    version: 1,
    site: {
      id: `CAN-remote-stands-seed${options.seed}`,
      kind: 'airport',
      gridLimitKw: options.gridLimitKw ?? 2000,
      baseLoadKw: 120,
      demandChargePerKw: 0,
    },
    start,
    slots: slotLayout(hours * 60, 5),
    pricePerKwh: guangdongTariff(start, hours),
    chargers,
    vehicles,
    tasks,
    sessions: [],
  };
}

/**
 * Local minute of a task's start: 28 % in the morning bank (triangular, 06–13 h, densest at 09:30), 28 % in the
 * evening bank (16–23 h, densest at 19:30), the rest evenly 06–24 h. At the banks' peaks ~35 of the 40 buses are out.
 */
function waveLocalMinute(random: SeededRandom): number {
  const roll = random.next();
  const triangle = () => 3.5 * (random.next() + random.next() - 1); // ±3.5 hours, densest at 0
  if (roll < 0.28) return 60 * (9.5 + triangle());
  if (roll < 0.56) return 60 * (19.5 + triangle());
  return 60 * random.between(6, 24);
}

function pad(value: number, width = 3): string {
  return String(value).padStart(width, '0');
}
