/** Prometheus text exposition format 0.0.4: https://prometheus.io/docs/instrumenting/exposition_formats/ */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge' | 'histogram';
export type Labels = Record<string, string>;

export interface Sample {
  /** The family name plus a suffix where the type has one (_bucket, _sum, _count). */
  name: string;
  labels: Labels;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: Sample[];
}

/** One text block per family: HELP, TYPE, then its samples; families end with a newline. */
export function renderFamilies(families: MetricFamily[]): string {
  return families.map(renderFamily).join('');
}

export function renderFamily(family: MetricFamily): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const sample of family.samples) lines.push(renderSample(sample));
  return lines.join('\n') + '\n';
}

export function renderSample(sample: Sample): string {
  const labels = Object.entries(sample.labels);
  const labelText =
    labels.length === 0 ? '' : `{${labels.map(([key, value]) => `${key}="${escapeLabelValue(value)}"`).join(',')}}`;
  return `${sample.name}${labelText} ${formatValue(sample.value)}`;
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}
