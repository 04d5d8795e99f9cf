/** PromQL words that are not metric names: aggregations, functions and their modifiers. */
const NOT_METRICS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'and',
  'or',
  'unless',
]);

/**
 * The metric names a PromQL expression (or a Grafana `label_values(metric, label)` query) reads: label matchers,
 * grouping lists, ranges, strings and function names removed, what is left are metric names.
 */
export function metricNamesIn(expression: string): string[] {
  const labelValues = /^label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,/.exec(expression.trim());
  if (labelValues) return [labelValues[1]];
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(?:by|without|on|ignoring)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '');
  const names = [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter(([, name, call]) => call === undefined && !NOT_METRICS.has(name))
    .map(([, name]) => name);
  return [...new Set(names)];
}
