import { SocEstimator } from './soc-estimator';
import { atMinute, chargerSoc, delivered, task, telematicsSoc } from './testing/soc-fixtures';

const bus = (options: Partial<ConstructorParameters<typeof SocEstimator>[0]> = {}) =>
  new SocEstimator({ batteryKwh: 280, ...options });

describe('SocEstimator', () => {
  it('starts from the configured prior, stale and maximally uncertain', () => {
    const estimate = bus().estimateAt(atMinute(0));
    expect(estimate).toMatchObject({ socPercent: 50, uncertaintyPercent: 30, stale: true, lastDirectReadingMs: null });
  });

  it('takes the first reading almost as is and becomes fresh', () => {
    const estimator = bus();
    estimator.add(chargerSoc(0, 62));
    const estimate = estimator.estimateAt(atMinute(1));
    expect(estimate.socPercent).toBeCloseTo(62, 1);
    expect(estimate.uncertaintyPercent).toBeLessThan(1.6);
    expect(estimate).toMatchObject({
      stale: false,
      lastDirectReadingMs: atMinute(0),
      lastDirectReadingSource: 'charger',
    });
  });

  it('integrates metered energy times the charge efficiency', () => {
    const estimator = bus({ chargeEfficiency: 0.93 });
    estimator.add(chargerSoc(0, 40));
    const before = estimator.estimateAt(atMinute(0)).socPercent;
    estimator.addAll([delivered(5, 50), delivered(10, 50)]);
    expect(estimator.estimateAt(atMinute(10)).socPercent - before).toBeCloseTo((100 * 0.93 * 100) / 280, 9);
  });

  it('draws a task evenly over its duration, so a mid-task query sees half of it', () => {
    const estimator = bus();
    estimator.addAll([chargerSoc(0, 80), task(60, 120, 28, 'CZ3101-A1')]);
    const start = estimator.estimateAt(atMinute(60)).socPercent;
    const middle = estimator.estimateAt(atMinute(90));
    expect(start - middle.socPercent).toBeCloseTo(5, 9);
    expect(middle.onTask).toBe(true);
    expect(start - estimator.estimateAt(atMinute(180)).socPercent).toBeCloseTo(10, 9);
    expect(estimator.estimateAt(atMinute(180)).onTask).toBe(false);
  });

  it('uses distance × consumption when a task states no energy', () => {
    const estimator = bus({ consumptionKwhPerKm: 1.4 });
    estimator.addAll([chargerSoc(0, 80), { kind: 'task', startMs: atMinute(10), endMs: atMinute(30), distanceKm: 20 }]);
    const drop = estimator.estimateAt(atMinute(10)).socPercent - estimator.estimateAt(atMinute(30)).socPercent;
    expect(drop).toBeCloseTo((28 / 280) * 100, 9);
  });

  it('applies idle drain between tasks only', () => {
    const estimator = bus({ idleDrainKwhPerHour: 2.8 });
    estimator.add(chargerSoc(0, 50));
    const at0 = estimator.estimateAt(atMinute(0)).socPercent;
    expect(at0 - estimator.estimateAt(atMinute(120)).socPercent).toBeCloseTo(2, 9);
  });

  it('flags a charger and telematics that disagree at the same moment, and clears the flag after the hold', () => {
    const estimator = bus({ disagreementHoldMinutes: 30 });
    estimator.addAll([chargerSoc(0, 60), telematicsSoc(0, 80)]);
    const estimate = estimator.estimateAt(atMinute(1));
    expect(estimate.disagreement).toBe(true);
    expect(estimate.lastDisagreement).toMatchObject({ source: 'telematics', readingPercent: 80 });
    expect(estimator.estimateAt(atMinute(31)).disagreement).toBe(false);
  });

  it('does not flag readings that agree within their noise', () => {
    const estimator = bus();
    estimator.addAll([chargerSoc(0, 60), telematicsSoc(0, 62), chargerSoc(10, 60.5), telematicsSoc(20, 58)]);
    expect(estimator.estimateAt(atMinute(21)).disagreement).toBe(false);
  });

  it('flags a reading that contradicts the energy it was just charged with', () => {
    const estimator = bus();
    estimator.addAll([chargerSoc(0, 50), delivered(30, 56), chargerSoc(30, 50)]);
    expect(estimator.estimateAt(atMinute(30)).lastDisagreement).toMatchObject({ expectedPercent: expect.any(Number) });
    expect(estimator.estimateAt(atMinute(30)).disagreement).toBe(true);
  });

  it('becomes stale once the last reading is older than the limit', () => {
    const estimator = bus({ staleAfterMinutes: 45 });
    estimator.add(telematicsSoc(0, 70));
    expect(estimator.estimateAt(atMinute(45)).stale).toBe(false);
    expect(estimator.estimateAt(atMinute(46)).stale).toBe(true);
  });

  it('clamps at 100 % and 0 %', () => {
    const estimator = bus();
    estimator.addAll([chargerSoc(0, 90), delivered(10, 200)]);
    expect(estimator.estimateAt(atMinute(10)).socPercent).toBe(100);
    estimator.add(task(20, 80, 1000));
    expect(estimator.estimateAt(atMinute(80)).socPercent).toBe(0);
  });

  it('ignores a resent reading and a resent meter value with the same id', () => {
    const estimator = bus();
    expect(estimator.add(chargerSoc(0, 60))).toEqual({ accepted: true });
    expect(estimator.add(chargerSoc(0, 61))).toMatchObject({ accepted: false, reason: 'duplicate' });
    estimator.add(delivered(5, 10, 'tx-1:3'));
    expect(estimator.add(delivered(5, 10, 'tx-1:3'))).toMatchObject({ accepted: false, reason: 'duplicate' });
    expect(estimator.eventCount).toBe(2);
  });

  it('keeps memory bounded by folding old events into a checkpoint, and refuses events before it', () => {
    const estimator = bus({ maxEvents: 20 });
    for (let minute = 0; minute < 100; minute++) estimator.add(telematicsSoc(minute, 50 + (minute % 3)));
    expect(estimator.eventCount).toBeLessThanOrEqual(20);
    expect(estimator.checkpointMs).not.toBeNull();
    expect(estimator.add(chargerSoc(1, 55))).toMatchObject({ accepted: false, reason: 'before-checkpoint' });
    expect(() => estimator.estimateAt(atMinute(0))).toThrow(RangeError);
  });

  it('rejects invalid input with a RangeError', () => {
    const estimator = bus();
    expect(() => estimator.add(chargerSoc(0, 140))).toThrow(RangeError);
    expect(() => estimator.add(delivered(0, -1))).toThrow(RangeError);
    expect(() => estimator.add({ ...chargerSoc(0, 50), source: 'bms' as 'charger' })).toThrow(/source/);
    expect(() => estimator.add(task(10, 5, 1))).toThrow(RangeError);
    expect(() => estimator.add({ kind: 'task', startMs: atMinute(0), endMs: atMinute(5), distanceKm: 3 })).toThrow(
      /consumption/,
    );
    expect(() => new SocEstimator({ batteryKwh: 0 })).toThrow(RangeError);
  });

  it('lists the direct readings in a window, in time order', () => {
    const estimator = bus();
    estimator.addAll([telematicsSoc(30, 70), chargerSoc(0, 80), delivered(10, 5), telematicsSoc(90, 60)]);
    expect(estimator.readingsBetween(atMinute(0), atMinute(60)).map((r) => r.socPercent)).toEqual([80, 70]);
  });

  it('restores from JSON with the same answers', () => {
    const estimator = bus({ chargeEfficiency: 0.9 });
    estimator.addAll([chargerSoc(0, 40), delivered(10, 30), telematicsSoc(20, 55), task(30, 60, 14)]);
    const restored = SocEstimator.fromJSON(JSON.parse(JSON.stringify(estimator)));
    expect(restored.estimateAt(atMinute(90))).toEqual(estimator.estimateAt(atMinute(90)));
    expect(restored.config).toEqual(estimator.config);
  });
});
