/** Exponentially weighted mean and variance of one quantity. */
export interface EwStats {
  samples: number;
  mean: number;
  variance: number;
}

export function emptyEwStats(): EwStats {
  return { samples: 0, mean: 0, variance: 0 };
}

/**
 * Incremental EW update (Finch 2009). The weight is never below 1/samples, so the first samples form a plain
 * average instead of being dominated by whichever came first.
 */
export function updateEwStats(stats: EwStats, sample: number, alpha: number): EwStats {
  const samples = stats.samples + 1;
  if (stats.samples === 0) return { samples, mean: sample, variance: 0 };
  const weight = Math.max(alpha, 1 / samples);
  const difference = sample - stats.mean;
  const increment = weight * difference;
  return { samples, mean: stats.mean + increment, variance: (1 - weight) * (stats.variance + difference * increment) };
}

/** Mean of the first `limit` samples, then frozen: a vehicle's long-run reference. */
export interface FrozenMean {
  samples: number;
  mean: number;
}

export function updateFrozenMean(baseline: FrozenMean, sample: number, limit: number): FrozenMean {
  if (baseline.samples >= limit) return baseline;
  const samples = baseline.samples + 1;
  return { samples, mean: baseline.mean + (sample - baseline.mean) / samples };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
