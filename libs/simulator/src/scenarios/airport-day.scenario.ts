import type { ChargerInput, PlanInput, TaskInput, VehicleInput } from '@apron/planner';
import { isoPlusMinutes, round, SeededRandom } from './random';

export interface AirportDayOptions {
  seed: number;
  vehicles: number;
  /** Total connectors; chargers have two each (one if the count is odd, for the last). */
  connectors: number;
  /** Chargers to spread the connectors over (default connectors / 2). */
  chargers?: number;
  hours: number;
  tasks: number;
  /** Minutes per slot in the first hour (default 5); then 15-minute slots to hour 4, hourly slots after. */
  nearSlotMinutes?: number;
  /** Share of baggage tractors in the fleet (default 0: buses only). */
  tractorShare?: number;
  gridLimitKw?: number;
  start?: string;
}

const BUS = { type: 'apron-bus', batteryKwh: 280, maxChargeKw: 150, turnaroundMinutes: 5, kwhPerMinute: 0.35 };
const TRACTOR = { type: 'baggage-tractor', batteryKwh: 80, maxChargeKw: 40, turnaroundMinutes: 3, kwhPerMinute: 0.12 };

/** A deterministic airport day: fleet, depot chargers, flight-driven tasks in morning and evening waves, day/night tariff. */
export function generateAirportDay(options: AirportDayOptions): PlanInput {
  const random = new SeededRandom(options.seed);
  const start = options.start ?? '2026-11-22T06:00:00Z';
  const horizonMinutes = options.hours * 60;
  const slots = slotLayout(horizonMinutes, options.nearSlotMinutes ?? 5);

  const chargerCount = options.chargers ?? Math.ceil(options.connectors / 2);
  const chargers: ChargerInput[] = [];
  let left = options.connectors;
  for (let c = 0; c < chargerCount; c++) {
    const connectors = Math.max(1, Math.round(left / (chargerCount - c)));
    left -= connectors;
    chargers.push({ id: `CP-${pad(c + 1)}`, connectors, maxKwPerConnector: 150, maxKw: connectors > 1 ? 240 : 150 });
  }

  const vehicles: VehicleInput[] = [];
  for (let v = 0; v < options.vehicles; v++) {
    const kind = random.chance(options.tractorShare ?? 0) ? TRACTOR : BUS;
    const vehicle: VehicleInput = {
      id: `${kind === BUS ? 'BUS' : 'TRC'}-${pad(v + 1)}`,
      type: kind.type,
      batteryKwh: kind.batteryKwh,
      socPercent: round(random.between(35, 95), 1),
      minSocPercent: 20,
      maxSocPercent: 95,
      maxChargeKw: kind.maxChargeKw,
      chargeEfficiency: 0.93,
      turnaroundMinutes: kind.turnaroundMinutes,
    };
    if (v < chargers.length) vehicle.pluggedInto = chargers[v].id;
    vehicles.push(vehicle);
  }
  const types = [...new Set(vehicles.map((v) => v.type))];

  const tasks: TaskInput[] = [];
  for (let k = 0; k < options.tasks; k++) {
    const type = types.length === 1 || random.chance(0.6) ? types[0] : types[1];
    const kind = type === BUS.type ? BUS : TRACTOR;
    const durationMinutes = 5 * random.integer(3, 9);
    const startMinutes = 5 * Math.floor(waveMinute(random, horizonMinutes - durationMinutes) / 5);
    tasks.push({
      id: `TSK-${pad(k + 1, 4)}`,
      vehicleType: type,
      vehiclesNeeded: kind === BUS && random.chance(0.15) ? 2 : 1,
      start: isoPlusMinutes(start, startMinutes),
      end: isoPlusMinutes(start, startMinutes + durationMinutes),
      energyKwhPerVehicle: round(kind.kwhPerMinute * durationMinutes * random.between(0.8, 1.2), 1),
    });
  }
  tasks.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));

  return {
    version: 1,
    site: {
      id: `airport-${options.vehicles}v-seed${options.seed}`,
      kind: 'airport',
      gridLimitKw: options.gridLimitKw ?? Math.round(options.connectors * 150 * 0.4),
      baseLoadKw: 50,
      demandChargePerKw: 0,
    },
    start,
    slots,
    pricePerKwh: dayNightTariff(start, options.hours),
    chargers,
    vehicles,
    tasks,
    sessions: [],
  };
}

/** Non-uniform slots: fine where the plan is applied now, coarse where it is only a reservation. */
export function slotLayout(horizonMinutes: number, nearSlotMinutes: number): PlanInput['slots'] {
  const layout: PlanInput['slots'] = [];
  let covered = 0;
  for (const [minutes, untilMinutes] of [
    [nearSlotMinutes, 60],
    [15, 240],
    [60, horizonMinutes],
  ]) {
    const count = Math.floor((Math.min(untilMinutes, horizonMinutes) - covered) / minutes);
    if (count <= 0) continue;
    layout.push({ minutes, count });
    covered += count * minutes;
  }
  return layout;
}

/** Flights come in waves: a third of tasks in the morning peak, a third in the evening peak, the rest spread. */
function waveMinute(random: SeededRandom, maxMinutes: number): number {
  const roll = random.next();
  const center = roll < 0.33 ? 0.2 : roll < 0.66 ? 0.7 : random.next();
  const spread = roll < 0.66 ? 0.15 : 0;
  return Math.min(maxMinutes, Math.max(0, (center + spread * (random.next() + random.next() - 1)) * maxMinutes));
}

/** Night 0.12, day 0.28, evening peak 0.35 (17–20 h), as hourly steps from midnight before `start`. */
export function dayNightTariff(start: string, hours: number): PlanInput['pricePerKwh'] {
  const midnight = `${start.slice(0, 10)}T00:00:00Z`;
  const steps: PlanInput['pricePerKwh'] = [];
  const lastHour = Math.ceil((Date.parse(start) - Date.parse(midnight)) / 3_600_000 + hours);
  for (let hour = 0; hour <= lastHour; hour++) {
    const clock = hour % 24;
    const price = clock < 6 || clock >= 22 ? 0.12 : clock >= 17 && clock < 20 ? 0.35 : 0.28;
    if (steps.length === 0 || steps[steps.length - 1].price !== price) {
      steps.push({ from: isoPlusMinutes(midnight, hour * 60), price });
    }
  }
  return steps;
}

function pad(value: number, width = 3): string {
  return String(value).padStart(width, '0');
}
