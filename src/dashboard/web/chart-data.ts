/** A series sampled at its own x values (seconds since the epoch); null is a gap in the data. */
export interface XySeries {
  xs: number[];
  ys: (number | null)[];
}

/**
 * uPlot draws series on one shared x array: the sorted union of the series' x values, each series undefined where it
 * has no point of its own. uPlot joins a line across undefined (alignment) but breaks it at null (missing data), so a
 * planned curve and a metered one can share an axis without either being cut by the other's points.
 */
export function alignSeries(series: XySeries[]): [number[], ...(number | null | undefined)[][]] {
  const xs = [...new Set(series.flatMap((s) => s.xs))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const aligned = series.map((s) => {
    const ys: (number | null | undefined)[] = new Array(xs.length).fill(undefined);
    s.xs.forEach((x, i) => (ys[index.get(x)!] = s.ys[i]));
    return ys;
  });
  return [xs, ...aligned];
}

/**
 * A per-slot value (slot i runs from boundary i to i + 1) as points for a stepped line: one point per slot start and
 * the last value again at the final boundary, so the last slot is drawn to its end.
 */
export function stepSeries(boundariesSec: number[], perSlot: number[]): XySeries {
  const slots = Math.min(perSlot.length, boundariesSec.length - 1);
  if (slots <= 0) return { xs: [], ys: [] };
  const ys = perSlot.slice(0, slots);
  return { xs: boundariesSec.slice(0, slots + 1), ys: [...ys, ys[slots - 1]] };
}
