import type { PlanInput, PlanResult } from '@apron/planner';
import { EffectivePlan } from './plan-timeline';

/** A plan of `slots` 15-minute slots from 06:00Z with one charger, two buses and one task; override what a test is about. */
export function aPlan(
  overrides: { input?: Partial<PlanInput>; result?: Partial<PlanResult> } = {},
  slots = 8,
): EffectivePlan {
  const start = Date.parse('2026-11-22T06:00:00Z');
  const input: PlanInput = {
    version: 1,
    site: { id: 'S', kind: 'airport', gridLimitKw: 400, baseLoadKw: 50 },
    start: '2026-11-22T06:00:00Z',
    slots: [{ minutes: 15, count: slots }],
    pricePerKwh: [{ from: '2026-11-22T00:00:00Z', price: 0.3 }],
    chargers: [{ id: 'CP-01', connectors: 2, maxKwPerConnector: 150 }],
    vehicles: [
      { id: 'BUS-01', type: 'apron-bus', batteryKwh: 280, socPercent: 50, minSocPercent: 20, maxChargeKw: 150 },
      {
        id: 'BUS-02',
        type: 'apron-bus',
        batteryKwh: 280,
        socPercent: 30,
        minSocPercent: 25,
        maxChargeKw: 150,
        pluggedInto: 'CP-01',
      },
    ],
    tasks: [{ id: 'T1', vehicleType: 'apron-bus', start: '2026-11-22T07:05:00Z', end: '2026-11-22T07:35:00Z' }],
    ...overrides.input,
  };
  const result: PlanResult = {
    status: 'optimal',
    message: '',
    solveMs: 5,
    objective: 1,
    costTotal: 1,
    peakKw: 150,
    slotStarts: Array.from({ length: slots }, (_, i) => new Date(start + i * 900_000).toISOString()),
    assignments: [{ taskId: 'T1', vehicleId: 'BUS-01' }],
    unserved: [],
    charging: [
      { vehicleId: 'BUS-01', chargerId: 'CP-01', kw: [0, 0, 150, 150, 0, 0, 0, 0] },
      { vehicleId: 'BUS-02', chargerId: 'CP-01', kw: [100, 0, 0, 0, 0, 0, 0, 0] },
    ],
    soc: [
      { vehicleId: 'BUS-01', percent: [50, 50, 50, 63, 76, 70, 64, 64, 64] },
      { vehicleId: 'BUS-02', percent: [30, 39, 39, 39, 39, 39, 39, 39, 39] },
    ],
    sitePowerKw: [100, 0, 150, 150, 0, 0, 0, 0],
    ...overrides.result,
  };
  return { input, result };
}

export const at = (iso: string) => Date.parse(iso);
