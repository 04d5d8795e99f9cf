import { V16ChargingProfile } from '../v16/v16-common.types';
import { V201ChargingProfile } from '../v201/v201-common.types';
import { profileFromV16, profileFromV201 } from '../profiles/profile-version.adapter';
import { compositeSchedule, limitAtW } from './composite-schedule';
import { toV16CompositeResponse, toV201CompositeResponse } from './composite-schedule.adapter';
import { compositeFromV16Response, compositeFromV201Response } from './composite-response.parser';

const [v16Schemas, v201Schemas] = require('ocpp-rpc/lib/standard-validators');

const at = (hhmm: string) => new Date(`2026-11-22T${hhmm}:00Z`);

function p16(over: Partial<V16ChargingProfile> & Pick<V16ChargingProfile, 'chargingSchedule'>): V16ChargingProfile {
  return {
    chargingProfileId: 1,
    stackLevel: 0,
    chargingProfilePurpose: 'TxDefaultProfile',
    chargingProfileKind: 'Absolute',
    ...over,
  };
}
const wattsFrom = (startSchedule: string, periods: [number, number][], duration?: number) => ({
  startSchedule,
  duration,
  chargingRateUnit: 'W' as const,
  chargingSchedulePeriod: periods.map(([startPeriod, limit]) => ({ startPeriod, limit })),
});
const periodsOf = (c: ReturnType<typeof compositeSchedule>) => c.periods.map((p) => [p.startSeconds, p.limit]);

describe('compositeSchedule (1.6 §3.13)', () => {
  it('follows the daily recurring TxDefaultProfile example of §3.13.7 (11 kW, 6 kW 08:00–20:00)', () => {
    const example = p16({
      chargingProfileId: 100,
      chargingProfileKind: 'Recurring',
      recurrencyKind: 'Daily',
      chargingSchedule: {
        ...wattsFrom('2013-01-01T00:00:00Z', [
          [0, 11000],
          [28800, 6000],
          [72000, 11000],
        ]),
        duration: 86400,
      },
    });
    const c = compositeSchedule([profileFromV16(example, 0)], 1, at('06:00'), 86400);
    expect(periodsOf(c)).toEqual([
      [0, 11000],
      [7200, 6000],
      [50400, 11000],
    ]);
  });

  it('falls back to the lower stack level when the higher one has no period any more (§3.13.2, K01.FR.13)', () => {
    const base = p16({
      chargingProfileId: 1,
      stackLevel: 0,
      chargingSchedule: wattsFrom('2026-11-22T00:00:00Z', [[0, 11000]]),
    });
    const exception = p16({
      chargingProfileId: 2,
      stackLevel: 1,
      chargingSchedule: wattsFrom('2026-11-22T07:00:00Z', [[0, 5000]], 3600),
    });
    const c = compositeSchedule(
      [base, exception].map((p) => profileFromV16(p, 1)),
      1,
      at('06:00'),
      3 * 3600,
    );
    expect(periodsOf(c)).toEqual([
      [0, 11000],
      [3600, 5000],
      [7200, 11000],
    ]);
  });

  it('reverts to default behaviour until validFrom of a replacing profile is reached (§3.13.2, K01.FR.36/37)', () => {
    const later = p16({
      validFrom: '2026-11-22T06:30:00Z',
      validTo: '2026-11-22T07:00:00Z',
      chargingSchedule: wattsFrom('2026-11-22T00:00:00Z', [[0, 4000]]),
    });
    const c = compositeSchedule([profileFromV16(later, 1)], 1, at('06:00'), 3600, { maxPowerW: 22000 });
    expect(periodsOf(c)).toEqual([
      [0, 22000],
      [1800, 4000],
    ]);
    expect(c.periods).toHaveLength(2);
    expect(limitAtW([profileFromV16(later, 1)], 1, at('07:00'))).toBe(Infinity);
  });

  it('lets the TxProfile of the running transaction override TxDefault, capped by ChargePointMaxProfile (§3.13.3)', () => {
    const txDefault = profileFromV16(
      p16({ stackLevel: 5, chargingSchedule: wattsFrom('2026-11-22T00:00:00Z', [[0, 5000]]) }),
      0,
    );
    const tx = profileFromV16(
      p16({
        chargingProfileId: 3,
        chargingProfilePurpose: 'TxProfile',
        transactionId: 42,
        chargingSchedule: wattsFrom('2026-11-22T06:00:00Z', [
          [0, 11000],
          [1800, 3000],
        ]),
      }),
      1,
    );
    const max = profileFromV16(
      p16({
        chargingProfileId: 4,
        chargingProfilePurpose: 'ChargePointMaxProfile',
        chargingSchedule: wattsFrom('2026-11-22T00:00:00Z', [[0, 7000]]),
      }),
      0,
    );
    const transaction = { id: '42', startedAt: at('05:50') };
    const c = compositeSchedule([txDefault, tx, max], 1, at('06:00'), 3600, { transaction });
    expect(periodsOf(c)).toEqual([
      [0, 7000],
      [1800, 3000],
    ]);
    // K08.FR.06: without a transaction the composite is computed from TxDefaultProfile; the TxProfile does not apply.
    expect(periodsOf(compositeSchedule([txDefault, tx, max], 1, at('06:00'), 3600))).toEqual([[0, 5000]]);
    // A TxProfile for another transaction does not apply either.
    const other = { id: '43', startedAt: at('05:50') };
    expect(periodsOf(compositeSchedule([txDefault, tx, max], 1, at('06:00'), 3600, { transaction: other }))).toEqual([
      [0, 5000],
    ]);
  });

  it('starts a Relative TxProfile at the transaction start', () => {
    const relative = profileFromV16(
      {
        chargingProfileId: 9,
        stackLevel: 0,
        chargingProfilePurpose: 'TxProfile',
        chargingProfileKind: 'Relative',
        chargingSchedule: {
          chargingRateUnit: 'W',
          chargingSchedulePeriod: [
            { startPeriod: 0, limit: 20000 },
            { startPeriod: 1200, limit: 10000 },
          ],
        },
      },
      1,
    );
    const c = compositeSchedule([relative], 1, at('06:10'), 1800, {
      transaction: { id: '1', startedAt: at('06:00') },
      maxPowerW: 50000,
    });
    expect(periodsOf(c)).toEqual([
      [0, 20000],
      [600, 10000],
    ]);
  });

  it('converts between A and W with phases and voltage (K01.FR.50/51) and reports in the requested unit', () => {
    const maxA = profileFromV16(
      p16({
        chargingProfilePurpose: 'ChargePointMaxProfile',
        chargingSchedule: {
          startSchedule: '2026-11-22T00:00:00Z',
          chargingRateUnit: 'A',
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 16, numberPhases: 3 }],
        },
      }),
      0,
    );
    const txDefaultW = profileFromV16(
      p16({ chargingProfileId: 2, chargingSchedule: wattsFrom('2026-11-22T07:00:00Z', [[0, 10000]]) }),
      1,
    );
    const supply = { currentType: 'AC' as const, phases: 3, nominalVoltageV: 230 };
    const inW = compositeSchedule([maxA, txDefaultW], 1, at('06:00'), 7200, { supply });
    expect(periodsOf(inW)).toEqual([
      [0, 11040],
      [3600, 10000],
    ]);
    const inA = compositeSchedule([maxA, txDefaultW], 1, at('06:00'), 7200, { supply, rateUnit: 'A' });
    expect(periodsOf(inA)).toEqual([
      [0, 16],
      [3600, 14.4],
    ]);
    expect(inA.periods[0].numberPhases).toBe(3);
    // A limit on a single-phase connection allows a third of the power.
    expect(limitAtW([maxA], 1, at('06:00'), { supply: { currentType: 'AC', phases: 1 } })).toBeCloseTo(3680, 6);
  });

  it('shares the ChargePointMaxProfile among charging connectors when asked to (§3.13.3: limit for all combined)', () => {
    const max = profileFromV16(
      p16({
        chargingProfilePurpose: 'ChargePointMaxProfile',
        chargingSchedule: wattsFrom('2026-11-22T00:00:00Z', [[0, 30000]]),
      }),
      0,
    );
    expect(limitAtW([max], 1, at('06:00'))).toBe(30000);
    expect(limitAtW([max], 1, at('06:00'), { stationMaxSharedBy: 3 })).toBe(10000);
  });

  it('gives GetCompositeSchedule.conf payloads that pass the 1.6 schema', () => {
    const profile = profileFromV16(p16({ chargingSchedule: wattsFrom('2026-11-22T00:00:00Z', [[0, 7400]]) }), 1);
    const res = toV16CompositeResponse(compositeSchedule([profile], 1, at('06:00'), 600, { maxPowerW: 22000 }));
    v16Schemas.validate('urn:GetCompositeSchedule.conf', res);
    expect(res.chargingSchedule?.chargingSchedulePeriod).toEqual([{ startPeriod: 0, limit: 7400, numberPhases: 3 }]);
    expect(() => toV16CompositeResponse(compositeSchedule([], 1, at('06:00'), 600))).toThrow(/maxPowerW/);
    expect(compositeFromV16Response(res, 1)).toEqual({
      evseId: 1,
      start: at('06:00'),
      durationSeconds: 600,
      rateUnit: 'W',
      periods: [{ startSeconds: 0, limit: 7400, numberPhases: 3 }],
    });
    expect(compositeFromV16Response({ status: 'Rejected' }, 1)).toBeUndefined();
  });
});

describe('compositeSchedule (2.0.1 K01, K08)', () => {
  function p201(over: Partial<V201ChargingProfile>, limitW: number, startSchedule = '2026-11-22T00:00:00Z') {
    return {
      id: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile' as const,
      chargingProfileKind: 'Absolute' as const,
      chargingSchedule: [
        {
          id: 1,
          startSchedule,
          chargingRateUnit: 'W' as const,
          chargingSchedulePeriod: [{ startPeriod: 0, limit: limitW }],
        },
      ],
      ...over,
    };
  }

  it('takes the lowest of station max, the leading TxDefault and external constraints (§3.5 situation 1, K08.FR.04)', () => {
    const profiles = [
      profileFromV201(p201({ id: 1, chargingProfilePurpose: 'ChargingStationMaxProfile' }, 20000), 0),
      profileFromV201(p201({ id: 2, stackLevel: 0 }, 22000), 1),
      profileFromV201(p201({ id: 3, stackLevel: 2 }, 15000), 1),
      profileFromV201(
        p201(
          { id: 4, stackLevel: 1, chargingProfilePurpose: 'ChargingStationExternalConstraints' },
          12000,
          '2026-11-22T06:30:00Z',
        ),
        0,
      ),
    ];
    const c = compositeSchedule(profiles, 1, at('06:00'), 3600);
    expect(periodsOf(c)).toEqual([
      [0, 15000],
      [1800, 12000],
    ]);
    const res = toV201CompositeResponse(c);
    v201Schemas.validate('urn:GetCompositeSchedule.conf', res);
    expect(res.schedule).toMatchObject({ evseId: 1, duration: 3600, chargingRateUnit: 'W' });
    expect(compositeFromV201Response(res)?.periods.map((p) => p.limit)).toEqual([15000, 12000]);
  });

  it('applies a TxDefaultProfile on EVSE 0 to every EVSE, an EVSE-specific one only there (K01.FR.14/15)', () => {
    const profiles = [
      profileFromV201(p201({ id: 1, stackLevel: 0 }, 11000), 0),
      profileFromV201(p201({ id: 2, stackLevel: 1 }, 7000), 1),
    ];
    expect(limitAtW(profiles, 1, at('06:00'))).toBe(7000);
    expect(limitAtW(profiles, 2, at('06:00'))).toBe(11000);
  });

  it('does not execute periods at or after the schedule duration (K01.FR.11) and merges equal periods', () => {
    const profile = profileFromV201(
      {
        id: 5,
        stackLevel: 0,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        chargingSchedule: [
          {
            id: 5,
            startSchedule: '2026-11-22T06:00:00Z',
            duration: 1800,
            chargingRateUnit: 'W',
            chargingSchedulePeriod: [
              { startPeriod: 0, limit: 8000 },
              { startPeriod: 900, limit: 8000 },
              { startPeriod: 1800, limit: 1000 },
            ],
          },
        ],
      },
      1,
    );
    const c = compositeSchedule([profile], 1, at('06:00'), 3600, { maxPowerW: 22000 });
    expect(periodsOf(c)).toEqual([
      [0, 8000],
      [1800, 22000],
    ]);
  });
});
