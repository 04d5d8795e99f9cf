import { Injectable } from '@nestjs/common';
import { formatValue, Labels, MetricFamily, renderFamilies, Sample } from './prometheus-text';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Labels in name order, so one label set is one series (and one key) whatever order the caller wrote. */
function sorted(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

function labelKey(labels: Labels): string {
  return JSON.stringify(Object.entries(sorted(labels)));
}

abstract class Metric {
  protected readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {
    if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name ${name}`);
  }

  abstract family(): MetricFamily;

  protected samples(): Sample[] {
    return [...this.series.values()].map(({ labels, value }) => ({ name: this.name, labels, value }));
  }
}

export class Counter extends Metric {
  inc(labels: Labels = {}, by = 1): void {
    if (by < 0) throw new Error(`counter ${this.name} cannot go down`);
    const key = labelKey(labels);
    const current = this.series.get(key);
    this.series.set(key, { labels: sorted(labels), value: (current?.value ?? 0) + by });
  }

  family(): MetricFamily {
    return { name: this.name, help: this.help, type: 'counter', samples: this.samples() };
  }
}

export class Gauge extends Metric {
  set(labels: Labels, value: number): void {
    this.series.set(labelKey(labels), { labels: sorted(labels), value });
  }

  family(): MetricFamily {
    return { name: this.name, help: this.help, type: 'gauge', samples: this.samples() };
  }
}

/** A counter whose totals another component keeps, read at each scrape (like Go's CounterFunc). */
export class CounterFunc extends Metric {
  constructor(
    name: string,
    help: string,
    private readonly read: () => { labels: Labels; value: number }[],
  ) {
    super(name, help);
  }

  family(): MetricFamily {
    const samples = this.read().map(({ labels, value }) => ({ name: this.name, labels: sorted(labels), value }));
    return { name: this.name, help: this.help, type: 'counter', samples };
  }
}

export class Histogram extends Metric {
  private readonly observations = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    name: string,
    help: string,
    private readonly buckets: number[],
  ) {
    super(name, help);
    if (buckets.some((bound, i) => i > 0 && bound <= buckets[i - 1])) throw new Error(`${name}: buckets must rise`);
  }

  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    const entry = this.observations.get(key) ?? {
      labels: sorted(labels),
      counts: this.buckets.map(() => 0),
      sum: 0,
      count: 0,
    };
    this.buckets.forEach((bound, i) => {
      if (value <= bound) entry.counts[i]++;
    });
    entry.sum += value;
    entry.count++;
    this.observations.set(key, entry);
  }

  family(): MetricFamily {
    const samples: Sample[] = [];
    for (const { labels, counts, sum, count } of this.observations.values()) {
      this.buckets.forEach((bound, i) =>
        samples.push({ name: `${this.name}_bucket`, labels: { ...labels, le: formatValue(bound) }, value: counts[i] }),
      );
      samples.push({ name: `${this.name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count });
      samples.push({ name: `${this.name}_sum`, labels, value: sum });
      samples.push({ name: `${this.name}_count`, labels, value: count });
    }
    return { name: this.name, help: this.help, type: 'histogram', samples };
  }
}

/** A tiny in-process registry (no client library): metrics are created once and rendered on each scrape. */
@Injectable()
export class MetricRegistry {
  private readonly metrics = new Map<string, Metric>();

  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }

  counterFunc(name: string, help: string, read: () => { labels: Labels; value: number }[]): CounterFunc {
    return this.add(new CounterFunc(name, help, read));
  }

  gauge(name: string, help: string): Gauge {
    return this.add(new Gauge(name, help));
  }

  histogram(name: string, help: string, buckets: number[]): Histogram {
    return this.add(new Histogram(name, help, buckets));
  }

  render(): string {
    return renderFamilies([...this.metrics.values()].map((metric) => metric.family()));
  }

  private add<T extends Metric>(metric: T): T {
    if (this.metrics.has(metric.name)) throw new Error(`metric ${metric.name} registered twice`);
    this.metrics.set(metric.name, metric);
    return metric;
  }
}
