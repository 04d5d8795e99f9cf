import { meteredPowerKw, PowerSample } from './metered-power';

const T0 = Date.parse('2026-11-22T06:00:00Z');
const MIN = 60_000;
const sample = (chargePointId: string, evseId: number | null, minute: number, powerW: number | null): PowerSample => ({
  chargePointId,
  evseId,
  sampledAtMs: T0 + minute * MIN,
  powerW,
});

describe('meteredPowerKw', () => {
  it('sums the mean power of each connector per bucket', () => {
    const points = meteredPowerKw(
      [
        sample('CP1', 1, 0, 100_000),
        sample('CP1', 1, 2, 120_000), // CP1/1 mean 110 kW
        sample('CP1', 2, 1, 50_000), // CP1/2 50 kW
        sample('CP2', 1, 4, 30_000), // CP2/1 30 kW
        sample('CP1', 1, 6, 80_000), // next bucket
      ],
      T0,
      T0 + 10 * MIN,
      5,
    );
    expect(points).toEqual([
      { at: '2026-11-22T06:00:00.000Z', kw: 190 },
      { at: '2026-11-22T06:05:00.000Z', kw: 80 },
    ]);
  });

  it('leaves a bucket with no power reading null (a gap), and ignores samples without power or outside the window', () => {
    const points = meteredPowerKw(
      [sample('CP1', 1, -1, 99_000), sample('CP1', 1, 1, null), sample('CP1', 1, 7, 42_400), sample('CP1', 1, 15, 1)],
      T0,
      T0 + 15 * MIN,
      5,
    );
    expect(points.map((point) => point.kw)).toEqual([null, 42.4, null]);
  });

  it('counts a connector with zero power as a reading of 0 kW, not a gap', () => {
    expect(meteredPowerKw([sample('CP1', null, 0, 0)], T0, T0 + 5 * MIN, 5)).toEqual([
      { at: '2026-11-22T06:00:00.000Z', kw: 0 },
    ]);
  });
});
