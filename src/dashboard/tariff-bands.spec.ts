import { Tariff, TimeOfUseRule } from '../sites/site.entity';
import { tariffBands } from './tariff-bands';

const rule = (band: TimeOfUseRule['band'], startLocal: string, endLocal: string, pricePerKwh: number) => ({
  band,
  startLocal,
  endLocal,
  pricePerKwh,
});

/** Valley 00-08, flat 08-10, peak 10-12, flat 12-24 local time (UTC+8, no DST). */
const shanghai: Tariff = {
  currency: 'CNY',
  steps: [],
  timeOfUse: [
    rule('valley', '00:00', '08:00', 0.28),
    rule('flat', '08:00', '10:00', 0.65),
    rule('peak', '10:00', '12:00', 1.02),
    rule('flat', '12:00', '00:00', 0.65),
  ],
};

const bands = (tariff: Tariff, timeZone: string, from: string, to: string) =>
  tariffBands(tariff, timeZone, new Date(from), new Date(to)).map((b) => [b.from, b.to, b.band, b.pricePerKwh]);

describe('tariffBands', () => {
  it('names each price interval of the window by its time-of-use band, in the site zone', () => {
    // 22:00 UTC is 06:00 in Shanghai.
    expect(bands(shanghai, 'Asia/Shanghai', '2026-11-21T22:00:00Z', '2026-11-22T06:00:00Z')).toEqual([
      ['2026-11-21T22:00:00.000Z', '2026-11-22T00:00:00.000Z', 'valley', 0.28],
      ['2026-11-22T00:00:00.000Z', '2026-11-22T02:00:00.000Z', 'flat', 0.65],
      ['2026-11-22T02:00:00.000Z', '2026-11-22T04:00:00.000Z', 'peak', 1.02],
      ['2026-11-22T04:00:00.000Z', '2026-11-22T06:00:00.000Z', 'flat', 0.65],
    ]);
  });

  it('covers the window back to back, the last band ending at the window end', () => {
    const result = tariffBands(
      shanghai,
      'Asia/Shanghai',
      new Date('2026-11-22T01:30:00Z'),
      new Date('2026-11-23T01:30:00Z'),
    );
    expect(result[0].from).toBe('2026-11-22T01:30:00.000Z');
    expect(result.at(-1)!.to).toBe('2026-11-23T01:30:00.000Z');
    for (let i = 1; i < result.length; i++) expect(result[i].from).toBe(result[i - 1].to);
  });

  it('follows daylight saving time: Berlin peak 17-20 local is 15-18 UTC in summer, 16-19 UTC in winter', () => {
    const berlin: Tariff = {
      currency: 'EUR',
      steps: [],
      timeOfUse: [
        rule('flat', '00:00', '17:00', 0.3),
        rule('peak', '17:00', '20:00', 0.45),
        rule('flat', '20:00', '00:00', 0.3),
      ],
    };
    const peak = (from: string, to: string) =>
      tariffBands(berlin, 'Europe/Berlin', new Date(from), new Date(to)).find((band) => band.band === 'peak');
    expect(peak('2026-07-01T10:00:00Z', '2026-07-01T22:00:00Z')).toMatchObject({
      from: '2026-07-01T15:00:00.000Z',
      to: '2026-07-01T18:00:00.000Z',
    });
    expect(peak('2026-12-01T10:00:00Z', '2026-12-01T22:00:00Z')).toMatchObject({
      from: '2026-12-01T16:00:00.000Z',
      to: '2026-12-01T19:00:00.000Z',
    });
  });

  it('names explicit price steps by rank: lowest valley, highest peak, others flat', () => {
    const spot: Tariff = {
      currency: 'EUR',
      steps: [
        { from: '2026-11-22T00:00:00Z', pricePerKwh: 0.2 },
        { from: '2026-11-22T01:00:00Z', pricePerKwh: 0.35 },
        { from: '2026-11-22T02:00:00Z', pricePerKwh: 0.5 },
      ],
      timeOfUse: [],
    };
    expect(bands(spot, 'UTC', '2026-11-22T00:00:00Z', '2026-11-22T03:00:00Z').map(([, , band]) => band)).toEqual([
      'valley',
      'flat',
      'peak',
    ]);
  });

  it('is empty for an empty window', () => {
    expect(
      tariffBands(shanghai, 'Asia/Shanghai', new Date('2026-11-22T00:00:00Z'), new Date('2026-11-22T00:00:00Z')),
    ).toEqual([]);
  });
});
