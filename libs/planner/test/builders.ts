/** One-line fixture helpers for planner tests (scenario format v1). */
import { ChargerInput, PlanInput, PlanResult, SessionInput, TaskInput, VehicleInput } from '../src';

export const DAY = '2026-11-22';
export const at = (hhmm: string): string => `${DAY}T${hhmm}:00Z`;

export function aScenario(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    version: 1,
    site: { id: 'test-site', kind: 'airport', gridLimitKw: 1000 },
    start: at('00:00'),
    slots: [{ minutes: 60, count: 4 }],
    pricePerKwh: [{ from: at('00:00'), price: 0.2 }],
    chargers: [aCharger()],
    vehicles: [],
    tasks: [],
    sessions: [],
    ...overrides,
  };
}

/** Price steps from hourly prices starting at midnight: prices([0.3, 0.3, 0.1]). */
export function prices(perHour: number[]): PlanInput['pricePerKwh'] {
  return perHour.map((price, hour) => ({ from: at(`${String(hour).padStart(2, '0')}:00`), price }));
}

export function aCharger(overrides: Partial<ChargerInput> = {}): ChargerInput {
  return { id: 'CP-01', connectors: 2, maxKwPerConnector: 100, ...overrides };
}

export function aBus(overrides: Partial<VehicleInput> = {}): VehicleInput {
  return {
    id: 'BUS-01',
    type: 'apron-bus',
    batteryKwh: 200,
    socPercent: 50,
    minSocPercent: 20,
    maxSocPercent: 100,
    maxChargeKw: 100,
    ...overrides,
  };
}

export function aTask(overrides: Partial<TaskInput> = {}): TaskInput {
  return {
    id: 'T1',
    vehicleType: 'apron-bus',
    start: at('01:00'),
    end: at('02:00'),
    energyKwhPerVehicle: 10,
    ...overrides,
  };
}

export function aSession(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    id: 'S1',
    chargerId: 'CP-01',
    batteryKwh: 100,
    socPercent: 20,
    targetSocPercent: 80,
    departure: at('01:00'),
    ...overrides,
  };
}

export function kwOf(result: PlanResult, id: string): number[] {
  const rows = result.charging.filter((row) => ('vehicleId' in row ? row.vehicleId : row.sessionId) === id);
  const length = result.charging[0]?.kw.length ?? 0;
  return Array.from({ length }, (_, t) => rows.reduce((sum, row) => sum + row.kw[t], 0));
}

export function socOf(result: PlanResult, id: string): number[] {
  const row = result.soc.find((r) => ('vehicleId' in r ? r.vehicleId : r.sessionId) === id);
  if (!row) throw new Error(`no soc row for ${id}`);
  return row.percent;
}
