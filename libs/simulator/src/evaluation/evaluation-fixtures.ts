import type { ChargerInput, SessionInput, TaskInput, VehicleInput } from '@apron/planner';
import { isoPlusMinutes } from '../scenarios/random';
import type { SessionArrival, SiteDay } from './evaluation-types';

/** Test builders: one-line sites, vehicles, tasks and public sessions (minutes after START). */
export const START = '2026-11-22T06:00:00Z';

export function aVehicle(id: string, fields: Partial<VehicleInput> = {}): VehicleInput {
  return {
    id,
    type: 'apron-bus',
    batteryKwh: 100,
    socPercent: 50,
    minSocPercent: 20,
    maxSocPercent: 95,
    maxChargeKw: 50,
    chargeEfficiency: 1,
    ...fields,
  };
}

export function aTask(id: string, startMinutes: number, durationMinutes: number, energyKwh: number): TaskInput {
  return {
    id,
    vehicleType: 'apron-bus',
    start: isoPlusMinutes(START, startMinutes),
    end: isoPlusMinutes(START, startMinutes + durationMinutes),
    energyKwhPerVehicle: energyKwh,
  };
}

export function aCharger(id: string, connectors = 1, maxKwPerConnector = 50): ChargerInput {
  return { id, connectors, maxKwPerConnector };
}

export function anArrival(
  id: string,
  arrivalMinutes: number,
  departureMinutes: number,
  fields: Partial<SessionInput> = {},
): SessionArrival {
  return {
    arrivalMinutes,
    departureMinutes,
    session: {
      id,
      chargerId: 'HPC-1',
      batteryKwh: 60,
      socPercent: 20,
      targetSocPercent: 80,
      departure: isoPlusMinutes(START, departureMinutes),
      maxChargeKw: 50,
      ...fields,
    },
  };
}

export interface DayFields {
  gridLimitKw?: number;
  baseLoadKw?: number;
  hours?: number;
  price?: number;
  chargers?: ChargerInput[];
  vehicles?: VehicleInput[];
  tasks?: TaskInput[];
  arrivals?: SessionArrival[];
}

export function aDay(fields: DayFields): SiteDay {
  return {
    base: {
      version: 1,
      site: {
        id: 'test-site',
        kind: 'airport',
        gridLimitKw: fields.gridLimitKw ?? 1000,
        baseLoadKw: fields.baseLoadKw ?? 0,
      },
      start: START,
      slots: [{ minutes: 5, count: 12 }],
      pricePerKwh: [{ from: '2026-11-22T00:00:00Z', price: fields.price ?? 0.2 }],
      chargers: fields.chargers ?? [aCharger('CP-1')],
      vehicles: fields.vehicles ?? [],
      tasks: fields.tasks ?? [],
      sessions: [],
    },
    arrivals: fields.arrivals ?? [],
    dayMinutes: (fields.hours ?? 1) * 60,
    stepMinutes: 5,
  };
}
