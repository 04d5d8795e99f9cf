import { generateGuangzhouDay, generateHolidayHighwayDay, GUANGDONG_TARIFF, guangdongPrice } from '../src/scenarios';

describe('issue 7 evaluation days', () => {
  it('Guangzhou remote-stand day: 40 buses of 250–350 kWh, 20 dual 150 kW chargers, 2 MW, ~600 tasks', () => {
    const day = generateGuangzhouDay({ seed: 3 });
    expect(day.vehicles).toHaveLength(40);
    for (const bus of day.vehicles!) {
      expect(bus.batteryKwh).toBeGreaterThanOrEqual(250);
      expect(bus.batteryKwh).toBeLessThanOrEqual(350);
    }
    expect(day.chargers).toHaveLength(20);
    expect(day.chargers.every((c) => c.connectors === 2 && c.maxKw === 150)).toBe(true);
    expect(day.site.gridLimitKw).toBe(2000);
    expect(day.tasks).toHaveLength(600);
    // Local 05:00 (UTC+8) on a summer day.
    expect(day.start).toBe('2026-07-14T21:00:00Z');
  });

  it('Guangdong tariff: valley 0–8 h, peak 10–12 and 14–19 h, critical peak in summer only', () => {
    expect([0, 7, 8, 10, 11, 12, 14, 15, 19, 23].map((h) => guangdongPrice(h))).toEqual([
      GUANGDONG_TARIFF.valley,
      GUANGDONG_TARIFF.valley,
      GUANGDONG_TARIFF.flat,
      GUANGDONG_TARIFF.peak,
      GUANGDONG_TARIFF.peak,
      GUANGDONG_TARIFF.flat,
      GUANGDONG_TARIFF.peak,
      GUANGDONG_TARIFF.peak,
      GUANGDONG_TARIFF.flat,
      GUANGDONG_TARIFF.flat,
    ]);
    expect(guangdongPrice(11, true)).toBe(GUANGDONG_TARIFF.criticalPeak);
  });

  it('holiday highway day: 30 connectors behind 1.2 MW, never two sessions on one connector at once', () => {
    const day = generateHolidayHighwayDay({ seed: 1001 });
    expect(day.base.chargers.reduce((sum, c) => sum + (c.connectors ?? 1), 0)).toBe(30);
    expect(day.base.site.gridLimitKw).toBe(1200);
    expect(day.timeline.length).toBeGreaterThan(300);
    const byCharger = new Map<string, { from: number; to: number }[]>();
    for (const item of day.timeline) {
      const list = byCharger.get(item.session.chargerId) ?? [];
      const overlapping = list.filter((other) => other.from < item.departureMinutes && item.arrivalMinutes < other.to);
      expect(overlapping.length).toBeLessThan(2);
      list.push({ from: item.arrivalMinutes, to: item.departureMinutes });
      byCharger.set(item.session.chargerId, list);
    }
  });
});
