import { MetricRegistry } from './metric-registry';
import { escapeLabelValue, formatValue, renderSample } from './prometheus-text';

describe('Prometheus text format 0.0.4', () => {
  it('formats special values and escapes label values', () => {
    expect([NaN, Infinity, -Infinity, 0.25, 3].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '0.25', '3']);
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(renderSample({ name: 'x', labels: {}, value: 1 })).toBe('x 1');
    expect(renderSample({ name: 'x', labels: { a: '1', b: 'q"' }, value: 2 })).toBe('x{a="1",b="q\\""} 2');
  });

  it('renders counters, gauges and cumulative histogram buckets with HELP and TYPE', () => {
    const registry = new MetricRegistry();
    const counter = registry.counter('apron_things_total', 'Things');
    const gauge = registry.gauge('apron_level', 'Level');
    const histogram = registry.histogram('apron_wait_seconds', 'Wait', [0.1, 1]);
    counter.inc({ kind: 'a' });
    counter.inc({ kind: 'a' }, 2);
    gauge.set({}, 7.5);
    gauge.set({}, 4);
    histogram.observe({}, 0.05);
    histogram.observe({}, 0.5);
    histogram.observe({}, 5);
    expect(registry.render()).toBe(
      [
        '# HELP apron_things_total Things',
        '# TYPE apron_things_total counter',
        'apron_things_total{kind="a"} 3',
        '# HELP apron_level Level',
        '# TYPE apron_level gauge',
        'apron_level 4',
        '# HELP apron_wait_seconds Wait',
        '# TYPE apron_wait_seconds histogram',
        'apron_wait_seconds_bucket{le="0.1"} 1',
        'apron_wait_seconds_bucket{le="1"} 2',
        'apron_wait_seconds_bucket{le="+Inf"} 3',
        'apron_wait_seconds_sum 5.55',
        'apron_wait_seconds_count 3',
        '',
      ].join('\n'),
    );
  });

  it('renders a counter whose totals are read at each scrape', () => {
    const registry = new MetricRegistry();
    let frames = 2;
    registry.counterFunc('apron_frames_total', 'Frames', () => [{ labels: { dir: 'in' }, value: frames }]);
    expect(registry.render()).toContain('# TYPE apron_frames_total counter\napron_frames_total{dir="in"} 2\n');
    frames = 5;
    expect(registry.render()).toContain('apron_frames_total{dir="in"} 5\n');
  });

  it('keeps one series per label set whatever the key order, and refuses bad names and falling counters', () => {
    const registry = new MetricRegistry();
    const counter = registry.counter('c_total', 'C');
    counter.inc({ a: '1', b: '2' });
    counter.inc({ b: '2', a: '1' });
    expect(registry.render()).toContain('c_total{a="1",b="2"} 2');
    expect(() => counter.inc({}, -1)).toThrow(/cannot go down/);
    expect(() => registry.gauge('bad-name', 'x')).toThrow(/invalid metric name/);
    expect(() => registry.counter('c_total', 'again')).toThrow(/registered twice/);
  });
});
