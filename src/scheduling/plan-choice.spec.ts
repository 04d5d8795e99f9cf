import type { PlanInput, PlanResult } from '@apron/planner';
import { AppliedPlan, choosePlan } from './plan-choice';

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  version: 1,
  site: { id: 'S', kind: 'airport', gridLimitKw: 400 },
  start: '2026-11-22T06:00:00Z',
  slots: [{ minutes: 15, count: 8 }],
  pricePerKwh: [{ from: '2026-11-22T00:00:00Z', price: 0.3 }],
  chargers: [{ id: 'CP-01', connectors: 2, maxKwPerConnector: 150 }],
  vehicles: [{ id: 'BUS-01', type: 'apron-bus', batteryKwh: 280, socPercent: 50, maxChargeKw: 150 }],
  tasks: [{ id: 'T1', vehicleType: 'apron-bus', start: '2026-11-22T07:00:00Z', end: '2026-11-22T07:30:00Z' }],
  ...overrides,
});

const result = (status: PlanResult['status'], message = ''): PlanResult => ({
  status,
  message,
  solveMs: 1,
  objective: 0,
  costTotal: 0,
  peakKw: 0,
  slotStarts: Array.from({ length: 8 }, (_, i) =>
    new Date(Date.parse('2026-11-22T06:00:00Z') + i * 900_000).toISOString(),
  ),
  assignments: [{ taskId: 'T1', vehicleId: 'BUS-01' }],
  unserved: [],
  charging: [],
  soc: [],
  sitePowerKw: Array(8).fill(0),
});

const last: AppliedPlan = { input: input(), result: result('optimal'), solvedAt: new Date('2026-11-22T06:00:00Z') };
const at = (iso: string) => new Date(iso);
const options = { maxKeepMinutes: 15 };

describe('choosePlan', () => {
  it('applies a fresh optimal or feasible plan', () => {
    expect(choosePlan(input(), result('optimal'), last, at('2026-11-22T06:05:00Z'), options).source).toBe('new');
    expect(choosePlan(input(), result('feasible'), undefined, at('2026-11-22T06:05:00Z'), options).source).toBe('new');
  });

  it('keeps the last plan after a failed solve while it still fits, and says why', () => {
    const choice = choosePlan(input(), result('fallback', 'time limit'), last, at('2026-11-22T06:05:00Z'), options);
    expect(choice.source).toBe('kept-last');
    expect(choice.result).toBe(last.result);
    expect(choice.reason).toBe('planner returned fallback: time limit; keeping the plan of 2026-11-22T06:00:00.000Z');
  });

  it.each([
    ['it is too old', input(), '2026-11-22T06:20:00Z', /the last plan is 20 minutes old/],
    [
      'the grid limit fell',
      input({ site: { id: 'S', kind: 'airport', gridLimitKw: 300 } }),
      '2026-11-22T06:05:00Z',
      /grid limit was lowered/,
    ],
    ['its charger went away', input({ chargers: [] }), '2026-11-22T06:05:00Z', /charger CP-01 is no longer usable/],
    [
      'its vehicle left service',
      input({ vehicles: [] }),
      '2026-11-22T06:05:00Z',
      /vehicle BUS-01 is no longer available/,
    ],
    [
      'a dispatcher forbade its assignment',
      input({
        tasks: [
          {
            id: 'T1',
            vehicleType: 'apron-bus',
            start: '2026-11-22T07:00:00Z',
            end: '2026-11-22T07:30:00Z',
            forbiddenVehicles: ['BUS-01'],
          },
        ],
      }),
      '2026-11-22T06:05:00Z',
      /BUS-01 is now forbidden on T1/,
    ],
  ])('falls back when the last plan no longer fits because %s', (_why, current, nowIso, reason) => {
    const fresh = result('infeasible', 'grid too small');
    const choice = choosePlan(current, fresh, last, at(nowIso), options);
    expect(choice.source).toBe('fallback');
    expect(choice.result).toBe(fresh);
    expect(choice.reason).toMatch(/^planner returned infeasible: grid too small; fallback plan applied because /);
    expect(choice.reason).toMatch(reason);
  });

  it('falls back when there is no earlier plan', () => {
    const choice = choosePlan(
      input(),
      result('fallback', 'solver crashed'),
      undefined,
      at('2026-11-22T06:05:00Z'),
      options,
    );
    expect(choice).toMatchObject({ source: 'fallback', reason: expect.stringMatching(/there is no earlier plan/) });
  });
});
