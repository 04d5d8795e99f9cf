import { alignSeries, stepSeries } from './chart-data';

describe('alignSeries', () => {
  it('shares the union of x values; undefined where a series has no point (joined), null kept (a gap)', () => {
    expect(
      alignSeries([
        { xs: [10, 30], ys: [1, 3] },
        { xs: [20, 30, 40], ys: [null, 5, 6] },
      ]),
    ).toEqual([
      [10, 20, 30, 40],
      [1, undefined, 3, undefined],
      [undefined, null, 5, 6],
    ]);
  });
});

describe('stepSeries', () => {
  it('gives one point per slot start and repeats the last value at the final boundary', () => {
    expect(stepSeries([0, 300, 600, 1500], [100, 50, 0])).toEqual({ xs: [0, 300, 600, 1500], ys: [100, 50, 0, 0] });
  });

  it('uses only slots that have both boundaries, and is empty without slots', () => {
    expect(stepSeries([0, 300], [7, 8, 9])).toEqual({ xs: [0, 300], ys: [7, 7] });
    expect(stepSeries([0], [])).toEqual({ xs: [], ys: [] });
  });
});
