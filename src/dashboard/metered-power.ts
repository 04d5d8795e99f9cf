/** One meter sample as the dashboard needs it: which connector, when, what power (null when not measured). */
export interface PowerSample {
  chargePointId: string;
  evseId: number | null;
  sampledAtMs: number;
  powerW: number | null;
}

export interface MeteredPowerPoint {
  /** Start of the bucket. */
  at: string;
  /** Sum over the site's connectors of each one's mean power in the bucket; null when no connector reported. */
  kw: number | null;
}

/**
 * The site's metered charging power in buckets of `bucketMinutes` over [fromMs, toMs): per connector the mean of its
 * power samples in the bucket, summed over the connectors that reported. A connector silent in a bucket adds nothing
 * (chargers often send no meter values while idle); a bucket in which no connector reported is null, not 0, so the
 * chart shows missing data as a gap.
 */
export function meteredPowerKw(
  samples: PowerSample[],
  fromMs: number,
  toMs: number,
  bucketMinutes: number,
): MeteredPowerPoint[] {
  const bucketMs = bucketMinutes * 60_000;
  const count = Math.max(0, Math.ceil((toMs - fromMs) / bucketMs));
  const buckets = Array.from({ length: count }, () => new Map<string, { sumW: number; n: number }>());
  for (const sample of samples) {
    if (sample.powerW === null || !Number.isFinite(sample.powerW)) continue;
    if (sample.sampledAtMs < fromMs || sample.sampledAtMs >= toMs) continue;
    const bucket = buckets[Math.floor((sample.sampledAtMs - fromMs) / bucketMs)];
    const connector = `${sample.chargePointId}\u0000${sample.evseId ?? 0}`;
    const mean = bucket.get(connector) ?? { sumW: 0, n: 0 };
    bucket.set(connector, { sumW: mean.sumW + sample.powerW, n: mean.n + 1 });
  }
  return buckets.map((bucket, index) => {
    const at = new Date(fromMs + index * bucketMs).toISOString();
    if (bucket.size === 0) return { at, kw: null };
    let watts = 0;
    for (const { sumW, n } of bucket.values()) watts += sumW / n;
    return { at, kw: Math.round(watts / 100) / 10 };
  });
}
