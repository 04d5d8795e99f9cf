/**
 * A strict reader of the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): it throws on any line a Prometheus server would
 * reject or read differently, and on families whose samples break their type's rules.
 */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help?: string;
  type: MetricType;
  samples: Sample[];
}

const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const HELP = new RegExp(`^# HELP (${METRIC_NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${METRIC_NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(`^(${METRIC_NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/;
/** Go's strconv.ParseFloat, as Prometheus reads values: NaN and infinities in any case (prom-client writes `Nan`). */
const VALUE = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|nan|[+-]?inf(?:inity)?)$/i;
const SUFFIXES: Record<MetricType, string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): MetricFamily[] {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const families = new Map<string, MetricFamily>();
  const helps = new Map<string, string>();
  let current: MetricFamily | undefined;
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, index) => {
    const fail = (why: string) => {
      throw new Error(`line ${index + 1}: ${why}: ${line}`);
    };
    if (line === '') return;
    const help = HELP.exec(line);
    if (help) {
      if (helps.has(help[1])) fail('second HELP for a metric');
      helps.set(help[1], unescapeHelp(help[2]));
      return;
    }
    const type = TYPE.exec(line);
    if (type) {
      if (families.has(type[1])) fail('second TYPE for a metric, or TYPE after its samples');
      current = { name: type[1], type: type[2] as MetricType, samples: [] };
      families.set(current.name, current);
      return;
    }
    if (line.startsWith('#')) return;
    const sample = SAMPLE.exec(line);
    if (!sample) return fail('not a sample line');
    const [, name, labelText, valueText] = sample;
    if (!VALUE.test(valueText)) fail('not a number');
    const family = current && name.startsWith(current.name) ? current : undefined;
    const suffix = family ? name.slice(family.name.length) : undefined;
    if (!family || !SUFFIXES[family.type].includes(suffix!)) return fail('sample outside its TYPE block');
    family.samples.push({ name, labels: parseLabels(labelText ?? '', fail), value: parseValue(valueText) });
  });
  for (const family of families.values()) {
    family.help = helps.get(family.name);
    checkFamily(family);
  }
  return [...families.values()];
}

function parseLabels(text: string, fail: (why: string) => never): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const label = LABEL.exec(rest);
    if (!label || !LABEL_NAME.test(label[1])) return fail('malformed labels');
    if (label[1] in labels) fail(`label ${label[1]} twice`);
    labels[label[1]] = label[2].replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(label[0].length);
  }
  return labels;
}

function checkFamily(family: MetricFamily): void {
  const seen = new Set<string>();
  for (const sample of family.samples) {
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seen.has(key)) throw new Error(`${family.name}: series ${key} twice`);
    seen.add(key);
    if (family.type === 'counter' && !(sample.value >= 0)) throw new Error(`${family.name}: counter below zero`);
  }
  if (family.type === 'histogram') checkHistogram(family);
}

/** Per label set: buckets rise with `le`, never fall, end at +Inf equal to `_count`, and a `_sum` is there. */
function checkHistogram(family: MetricFamily): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number; sum?: number }>();
  for (const sample of family.samples) {
    const { le, ...labels } = sample.labels;
    const key = JSON.stringify(Object.entries(labels).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: bucket without le`);
      entry.buckets.push([parseValue(le), sample.value]);
    } else if (sample.name.endsWith('_count')) entry.count = sample.value;
    else entry.sum = sample.value;
  }
  for (const [key, { buckets, count, sum }] of series) {
    const where = `${family.name}${key}`;
    if (count === undefined || sum === undefined) throw new Error(`${where}: _count or _sum missing`);
    if (buckets.at(-1)?.[0] !== Infinity || buckets.at(-1)?.[1] !== count) {
      throw new Error(`${where}: the last bucket must be le="+Inf" and equal _count`);
    }
    buckets.forEach(([le, value], i) => {
      if (i > 0 && (le <= buckets[i - 1][0] || value < buckets[i - 1][1])) throw new Error(`${where}: buckets fall`);
    });
  }
}

/** Go's float syntax: Number() reads all but NaN and the infinities in other cases than its own. */
function parseValue(text: string): number {
  const special = text.toLowerCase().replace(/^\+/, '');
  if (special === 'nan') return NaN;
  if (special === 'inf' || special === 'infinity') return Infinity;
  if (special === '-inf' || special === '-infinity') return -Infinity;
  return Number(text);
}

function unescapeHelp(help: string): string {
  return help.replace(/\\([\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

/** The value of one series, or undefined when it is absent. */
export function seriesValue(
  families: MetricFamily[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const sample = families
    .flatMap((family) => family.samples)
    .find(
      (candidate) =>
        candidate.name === name &&
        Object.keys(candidate.labels).length === Object.keys(labels).length &&
        Object.entries(labels).every(([key, value]) => candidate.labels[key] === value),
    );
  return sample?.value;
}

/** The sum over every series of a sample name whose labels include these. */
export function sumOf(families: MetricFamily[], name: string, labels: Record<string, string> = {}): number {
  return families
    .flatMap((family) => family.samples)
    .filter((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))
    .reduce((sum, s) => sum + s.value, 0);
}
