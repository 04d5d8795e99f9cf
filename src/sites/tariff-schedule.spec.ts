import { Tariff, TimeOfUseRule } from './site.entity';
import { priceStepsUtc, ruleCovers, uncoveredLocalTimes } from './tariff-schedule';

const rule = (
  band: TimeOfUseRule['band'],
  startLocal: string,
  endLocal: string,
  pricePerKwh: number,
  weekdays?: number[],
) => ({
  band,
  startLocal,
  endLocal,
  pricePerKwh,
  weekdays,
});

/** A Guangdong-style peak/flat/valley day: valley 00-08, flat 08-10, peak 10-12, flat 12-14, peak 14-19, flat 19-24. */
const guangdong: Tariff = {
  currency: 'CNY',
  steps: [],
  timeOfUse: [
    rule('valley', '00:00', '08:00', 0.28),
    rule('flat', '08:00', '10:00', 0.65),
    rule('peak', '10:00', '12:00', 1.02),
    rule('flat', '12:00', '14:00', 0.65),
    rule('peak', '14:00', '19:00', 1.02),
    rule('flat', '19:00', '24:00', 0.65),
  ],
};

describe('priceStepsUtc', () => {
  it('turns local time-of-use bands into UTC steps (Asia/Shanghai is UTC+8)', () => {
    const steps = priceStepsUtc(
      guangdong,
      'Asia/Shanghai',
      new Date('2026-11-22T00:00:00Z'),
      new Date('2026-11-22T12:00:00Z'),
    );
    // 00:00 UTC is 08:00 in Shanghai: flat, then peak at 10:00 local (02:00 UTC), and so on.
    expect(steps).toEqual([
      { from: '2026-11-22T00:00:00.000Z', price: 0.65 },
      { from: '2026-11-22T02:00:00.000Z', price: 1.02 },
      { from: '2026-11-22T04:00:00.000Z', price: 0.65 },
      { from: '2026-11-22T06:00:00.000Z', price: 1.02 },
      { from: '2026-11-22T11:00:00.000Z', price: 0.65 },
    ]);
  });

  it('wraps a band past midnight and honours weekdays', () => {
    const tariff: Tariff = {
      currency: 'EUR',
      steps: [],
      timeOfUse: [
        rule('valley', '22:00', '06:00', 0.1),
        rule('peak', '06:00', '22:00', 0.4, [1, 2, 3, 4, 5]),
        rule('flat', '06:00', '22:00', 0.2, [6, 7]),
      ],
    };
    // Friday 2026-11-20 and Saturday 21 in UTC (Europe/London is UTC+0 in November).
    const steps = priceStepsUtc(
      tariff,
      'Europe/London',
      new Date('2026-11-20T20:00:00Z'),
      new Date('2026-11-21T12:00:00Z'),
    );
    expect(steps).toEqual([
      { from: '2026-11-20T20:00:00.000Z', price: 0.4 },
      { from: '2026-11-20T22:00:00.000Z', price: 0.1 },
      { from: '2026-11-21T06:00:00.000Z', price: 0.2 },
    ]);
  });

  it('follows a daylight-saving change: the band starts at the same local time, one hour apart in UTC', () => {
    const tariff: Tariff = {
      currency: 'EUR',
      steps: [],
      timeOfUse: [rule('valley', '00:00', '07:00', 0.1), rule('peak', '07:00', '24:00', 0.3)],
    };
    // Europe/Berlin leaves summer time on 2026-10-25 at 03:00 local.
    const steps = priceStepsUtc(
      tariff,
      'Europe/Berlin',
      new Date('2026-10-24T00:00:00Z'),
      new Date('2026-10-26T00:00:00Z'),
    );
    const peakStarts = steps.filter((s) => s.price === 0.3).map((s) => s.from);
    expect(peakStarts).toEqual(['2026-10-24T05:00:00.000Z', '2026-10-25T06:00:00.000Z']);
  });

  it('lets explicit price steps win from their first instant on', () => {
    const tariff: Tariff = {
      ...guangdong,
      steps: [
        { from: '2026-11-22T03:00:00Z', pricePerKwh: 2.5 },
        { from: '2026-11-22T05:00:00Z', pricePerKwh: 0.5 },
      ],
    };
    const steps = priceStepsUtc(
      tariff,
      'Asia/Shanghai',
      new Date('2026-11-22T00:00:00Z'),
      new Date('2026-11-22T08:00:00Z'),
    );
    expect(steps).toEqual([
      { from: '2026-11-22T00:00:00.000Z', price: 0.65 },
      { from: '2026-11-22T02:00:00.000Z', price: 1.02 },
      { from: '2026-11-22T03:00:00.000Z', price: 2.5 },
      { from: '2026-11-22T05:00:00.000Z', price: 0.5 },
    ]);
  });
});

describe('price steps without time-of-use rules', () => {
  it('uses the first explicit price before it starts', () => {
    const tariff: Tariff = {
      currency: 'EUR',
      steps: [{ from: '2026-11-22T10:00:00Z', pricePerKwh: 0.3 }],
      timeOfUse: [],
    };
    const steps = priceStepsUtc(tariff, 'UTC', new Date('2026-11-22T08:00:00Z'), new Date('2026-11-22T12:00:00Z'));
    expect(steps).toEqual([{ from: '2026-11-22T08:00:00.000Z', price: 0.3 }]);
  });
});

describe('time-of-use coverage', () => {
  it('finds no gap in a full day and names the first minute of each gap otherwise', () => {
    expect(uncoveredLocalTimes(guangdong.timeOfUse)).toEqual([]);
    const gappy = [rule('peak', '08:00', '20:00', 1, [1, 2, 3, 4, 5, 6, 7])];
    expect(uncoveredLocalTimes(gappy, 2)).toEqual(['weekday 1 00:00', 'weekday 1 20:00']);
  });

  it('counts the part of a wrapping rule after midnight on the next day', () => {
    const night = rule('valley', '22:00', '02:00', 0.1, [5]);
    expect(ruleCovers(night, 5, 23 * 60)).toBe(true);
    expect(ruleCovers(night, 6, 60)).toBe(true);
    expect(ruleCovers(night, 5, 60)).toBe(false);
  });
});
