import { safeDefaultKw, safeDefaultProfile } from './safe-default-limit';

const dc = { maxKw: 240, currentType: 'DC' as const, phases: null, voltageV: null };

describe('safe default limit', () => {
  it('shares what the grid leaves after base load equally among the site chargers', () => {
    expect(safeDefaultKw({ gridLimitKw: 2000, baseLoadKw: 200, chargersAtSite: 20, charger: dc })).toBe(90);
    expect(safeDefaultKw({ gridLimitKw: 2000, baseLoadKw: 0, chargersAtSite: 2, charger: dc })).toBe(240);
    expect(safeDefaultKw({ gridLimitKw: 100, baseLoadKw: 150, chargersAtSite: 2, charger: dc })).toBe(0);
  });

  it('is a daily recurring station maximum on EVSE 0 without end of validity, in W for DC', () => {
    const profile = safeDefaultProfile(
      { gridLimitKw: 1200, baseLoadKw: 0, chargersAtSite: 10, charger: dc },
      new Date('2026-11-22T15:30:00Z'),
    );
    expect(profile).toMatchObject({
      purpose: 'StationMax',
      kind: 'Recurring',
      recurrencyKind: 'Daily',
      evseId: 0,
      stackLevel: 0,
    });
    expect(profile.validTo).toBeUndefined();
    expect(profile.schedule).toEqual({
      startSchedule: new Date('2026-11-22T00:00:00Z'),
      durationSeconds: 86_400,
      rateUnit: 'W',
      periods: [{ startSeconds: 0, limit: 120_000 }],
    });
  });

  it('is in amps per phase for AC', () => {
    const ac = { maxKw: 22, currentType: 'AC' as const, phases: 3, voltageV: 230 };
    const profile = safeDefaultProfile({ gridLimitKw: 44, baseLoadKw: 0, chargersAtSite: 4, charger: ac }, new Date());
    expect(profile.schedule.rateUnit).toBe('A');
    expect(profile.schedule.periods).toEqual([{ startSeconds: 0, limit: 15.9, numberPhases: 3 }]);
  });
});
