import { aPlan, at } from './plan-fixtures.spec-helper';
import { boundariesMs, predictedSocPercent, slotIndexAt } from './plan-timeline';

describe('plan timeline', () => {
  it('has one boundary per slot plus the horizon end, across slot groups', () => {
    const plan = aPlan({
      input: {
        slots: [
          { minutes: 5, count: 2 },
          { minutes: 15, count: 1 },
        ],
      },
    });
    expect(boundariesMs(plan.input).map((ms) => new Date(ms).toISOString())).toEqual([
      '2026-11-22T06:00:00.000Z',
      '2026-11-22T06:05:00.000Z',
      '2026-11-22T06:10:00.000Z',
      '2026-11-22T06:25:00.000Z',
    ]);
  });

  it.each([
    ['2026-11-22T05:59:00Z', -1],
    ['2026-11-22T06:00:00Z', 0],
    ['2026-11-22T06:14:59Z', 0],
    ['2026-11-22T06:15:00Z', 1],
    ['2026-11-22T08:00:00Z', 8],
  ])('puts %s in slot %i', (iso, slot) => {
    expect(slotIndexAt(boundariesMs(aPlan().input), at(iso))).toBe(slot);
  });

  it.each([
    ['on a boundary', '2026-11-22T06:45:00Z', 63],
    ['mid-slot: the boundary before the start', '2026-11-22T07:05:00Z', 76],
    ['the horizon end', '2026-11-22T08:00:00Z', 64],
  ])('predicts the SoC at a task start %s', (_case, iso, percent) => {
    expect(predictedSocPercent(aPlan(), 'BUS-01', at(iso))).toBe(percent);
  });

  it('knows no SoC outside the horizon or for a vehicle the plan has no row for', () => {
    expect(predictedSocPercent(aPlan(), 'BUS-01', at('2026-11-22T08:00:01Z'))).toBeNull();
    expect(predictedSocPercent(aPlan(), 'BUS-01', at('2026-11-22T05:00:00Z'))).toBeNull();
    expect(predictedSocPercent(aPlan(), 'BUS-99', at('2026-11-22T06:00:00Z'))).toBeNull();
  });
});
