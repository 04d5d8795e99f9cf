import { SocEstimator } from '@apron/soc';
import { batteryChanged, restoreEstimator } from './estimator-config';
import { historyPoints } from './history-points';

const bus = { batteryKwh: 280, chargeEfficiency: 0.93, consumptionKwhPerKm: 1.2, idleDrainKwhPerHour: 0 };
const MINUTE_MS = 60_000;

describe('restoreEstimator', () => {
  it('starts a new estimator when nothing is stored', () => {
    const estimator = restoreEstimator(null, bus)!;
    expect(estimator.config).toMatchObject(bus);
    expect(estimator.eventCount).toBe(0);
  });

  it('gives identical answers after a round trip through JSON', () => {
    const estimator = new SocEstimator(bus);
    estimator.add({ kind: 'reading', source: 'charger', atMs: 0, socPercent: 40 });
    estimator.add({ kind: 'energy-delivered', atMs: 10 * MINUTE_MS, energyKwh: 20, id: 's:1' });
    const restored = restoreEstimator(JSON.parse(JSON.stringify(estimator)), bus)!;
    expect(restored.estimateAt(20 * MINUTE_MS)).toEqual(estimator.estimateAt(20 * MINUTE_MS));
    expect(batteryChanged(restored, bus)).toBe(false);
  });

  it('takes a changed battery size into the restored config', () => {
    const estimator = new SocEstimator(bus);
    const restored = restoreEstimator(estimator.toJSON(), { ...bus, batteryKwh: 300 })!;
    expect(restored.config.batteryKwh).toBe(300);
    expect(batteryChanged(estimator, { ...bus, batteryKwh: 300 })).toBe(true);
  });

  it("runs a new estimator with the vehicle's idle drain: the estimate falls between readings", () => {
    const estimator = restoreEstimator(null, { ...bus, idleDrainKwhPerHour: 2.8 })!;
    estimator.add({ kind: 'reading', source: 'telematics', atMs: 0, socPercent: 80 });
    const drop = estimator.estimateAt(0).socPercent - estimator.estimateAt(5 * 60 * MINUTE_MS).socPercent;
    // 2.8 kWh/h for 5 h of a 280 kWh battery.
    expect(drop).toBeCloseTo(5, 6);
  });

  it('replays the stored events with a changed idle drain', () => {
    const estimator = restoreEstimator(null, bus)!;
    estimator.add({ kind: 'reading', source: 'telematics', atMs: 0, socPercent: 80 });
    const hoursLater = 2 * 60 * MINUTE_MS;
    const drained = { ...bus, idleDrainKwhPerHour: 1.4 };
    expect(batteryChanged(estimator, drained)).toBe(true);
    const restored = restoreEstimator(estimator.toJSON(), drained)!;
    expect(restored.config.idleDrainKwhPerHour).toBe(1.4);
    expect(estimator.estimateAt(hoursLater).socPercent - restored.estimateAt(hoursLater).socPercent).toBeCloseTo(1, 6);
  });

  it('is null for a state it cannot read', () => {
    expect(restoreEstimator({ version: 99 } as never, bus)).toBeNull();
  });
});

describe('historyPoints', () => {
  it('one point per input with the estimate right after it and the reading itself', () => {
    const estimator = new SocEstimator({ ...bus, chargeEfficiency: 1 });
    const events = [
      { kind: 'reading' as const, source: 'telematics' as const, atMs: 0, socPercent: 50 },
      { kind: 'energy-delivered' as const, atMs: MINUTE_MS, energyKwh: 28, id: 's:1' },
    ];
    events.forEach((event) => estimator.add(event));
    const points = historyPoints('v1', estimator, events);
    expect(points.map((p) => [p.source, p.readingPercent])).toEqual([
      ['telematics', 50],
      ['energy', null],
    ]);
    expect(points[1].socPercent - points[0].socPercent).toBeCloseTo(10, 6);
  });
});
