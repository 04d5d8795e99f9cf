import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import packageJson from '../../package.json';
import { BOOT_16, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { MetricFamily, parsePrometheusText, seriesValue } from '../support/prometheus-text';
import { metricNamesIn } from '../support/promql-metric-names';
import { createKey, startTestApp, TestApp } from '../support/test-app';

/** promtool when the machine has it (Debian's `prometheus` package); CI does without and relies on the parser. */
function promtool(): string | undefined {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return 'promtool';
  } catch {
    return undefined;
  }
}

interface DashboardPanel {
  title?: string;
  targets?: { expr?: string }[];
  panels?: DashboardPanel[];
}

/** Every query of the Grafana dashboard shipped in docker/: panel targets (rows included) and variable queries. */
function dashboardQueries(): string[] {
  const file = join(__dirname, '..', '..', 'docker', 'grafana', 'apron-dashboard.json');
  const dashboard = JSON.parse(readFileSync(file, 'utf8')) as {
    panels: DashboardPanel[];
    templating: { list: { query?: string | { query: string } }[] };
  };
  const fromPanels = (panels: DashboardPanel[]): string[] =>
    panels.flatMap((panel) => [
      ...(panel.targets ?? []).map((target) => target.expr ?? ''),
      ...fromPanels(panel.panels ?? []),
    ]);
  const variables = dashboard.templating.list
    .map((variable) => (typeof variable.query === 'object' ? variable.query.query : undefined))
    .filter((query): query is string => query !== undefined);
  return [...fromPanels(dashboard.panels), ...variables];
}

/**
 * Issue 17: /metrics after HTTP, OCPP and scheduling traffic is valid Prometheus text (strict parser, and promtool's
 * lint when installed) and follows the naming conventions: HELP and TYPE for every family, `_total` exactly on
 * counters, base units (seconds, watts, watt-hours; never kW or ms), and HTTP routes as templates, never raw paths.
 */
describe('/metrics exposition', () => {
  let app: TestApp;
  let client: TestRpcClient;
  let siteId: string;
  let text: string;
  let families: MetricFamily[];

  beforeAll(async () => {
    app = await startTestApp();
    const fleetManager = await createKey(app, 'fleet-manager');
    ({ siteId } = await registerCharger(app, fleetManager, 'EXP-CP1'));
    client = ocppClient(app, 'EXP-CP1', 'ocpp1.6');
    await client.connect();
    await client.call('BootNotification', BOOT_16);
    await app.http(fleetManager).get(`/api/v1/sites/${siteId}`).expect(200);
    await app.http(fleetManager).get('/api/v1/sites/00000000-0000-4000-8000-000000000000').expect(404);
    await app.http().get('/no/such/page/12345').expect(404);
    // A body that is no JSON is answered before routing.
    await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .set('Content-Type', 'application/json')
      .send('{oops')
      .expect(400);
    const dispatcher = await createKey(app, 'dispatcher');
    await app.http(dispatcher).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    await eventually(async () => {
      text = (await app.http().get('/metrics').expect(200)).text;
      families = parsePrometheusText(text);
      expect(seriesValue(families, 'apron_ocpp_chargers_connected')).toBe(1);
    });
  });
  afterAll(async () => {
    await client?.close({ force: true }).catch(() => undefined);
    await app?.close();
  });

  it('is served as Prometheus text, without a key', async () => {
    const response = await app.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;/);
    expect(response.headers['content-type']).toMatch(/version=0\.0\.4/);
  });

  it('gives every family a HELP text and a TYPE, and snake_case names', () => {
    expect(families.length).toBeGreaterThan(20);
    for (const family of families) {
      expect({ name: family.name, help: family.help }).toEqual({
        name: family.name,
        help: expect.stringMatching(/\S/),
      });
      expect(family.name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('ends counter names in _total and only counters', () => {
    const endsInTotal = families.map((family) => ({ name: family.name, counter: family.name.endsWith('_total') }));
    expect(endsInTotal).toEqual(families.map((family) => ({ name: family.name, counter: family.type === 'counter' })));
  });

  it("states the service's quantities in base units", () => {
    const apron = families.filter((family) => family.name.startsWith('apron_'));
    for (const { name } of apron) {
      expect(name).not.toMatch(/_(kw|kwh|kilowatts?|kilowatt_hours|ms|milliseconds|minutes)(_|$)/);
    }
    const names = apron.map((family) => family.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'apron_site_power_watts',
        'apron_site_grid_limit_watts',
        'apron_site_metered_power_watts',
        'apron_energy_delivered_watt_hours_total',
        'apron_tick_duration_seconds',
        'apron_plan_age_seconds',
        'apron_http_request_duration_seconds',
      ]),
    );
    for (const family of apron.filter((f) => f.type === 'histogram')) expect(family.name).toMatch(/_seconds$/);
  });

  it('times HTTP requests by method, route template and status, never by raw path', () => {
    const http = families.find((family) => family.name === 'apron_http_request_duration_seconds')!;
    expect(http.type).toBe('histogram');
    const counts = http.samples.filter((sample) => sample.name.endsWith('_count'));
    const routes = new Set(counts.map((sample) => sample.labels.route));
    expect(counts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { method: 'GET', route: '/api/v1/sites/:id', status: '200' } }),
        expect.objectContaining({ labels: { method: 'GET', route: '/api/v1/sites/:id', status: '404' } }),
        expect.objectContaining({
          labels: { method: 'POST', route: '/api/v1/sites/:siteId/solve-now', status: '200' },
        }),
        expect.objectContaining({ labels: { method: 'GET', route: 'unrouted', status: '404' } }),
        expect.objectContaining({ labels: { method: 'POST', route: 'unrouted', status: '400' } }),
      ]),
    );
    const labelText = JSON.stringify(http.samples.map((sample) => sample.labels));
    expect(labelText).not.toContain(siteId);
    expect(labelText).not.toContain('12345');
    for (const route of routes) expect(route).toMatch(/^(unrouted|\/[A-Za-z0-9_\-/:{}*.]*)$/);
  });

  it('has the tick, plan age, OCPP and build series of this service', () => {
    const site_id = siteId;
    expect(seriesValue(families, 'apron_tick_duration_seconds_count', { site_id })).toBe(1);
    expect(seriesValue(families, 'apron_plan_age_seconds', { site_id })).toBeGreaterThanOrEqual(0);
    const boot = { direction: 'inbound', version: '1.6', action: 'BootNotification' };
    expect(seriesValue(families, 'apron_ocpp_messages_total', boot)).toBe(1);
    expect(
      seriesValue(families, 'apron_build_info', { version: packageJson.version, node: process.versions.node }),
    ).toBe(1);
    expect(seriesValue(families, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(families.some((family) => family.name.startsWith('nodejs_heap'))).toBe(true);
  });

  it('checks with a reader that refuses what Prometheus would refuse or misread', () => {
    const family = '# HELP x_total X\n# TYPE x_total counter\n';
    expect(parsePrometheusText(`${family}x_total{a="q\\""} 1\n`)[0].samples[0].labels).toEqual({ a: 'q"' });
    for (const bad of [
      `${family}x_total 1`, // no final newline
      `${family}x_total{a=b} 1\n`,
      `${family}x_total one\n`,
      `${family}x_total -1\n`,
      `${family}x_total 1\nx_total 2\n`,
      'y 1\n', // no TYPE
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n',
      '# TYPE h histogram\nh_bucket{le="1"} 1\nh_sum 1\nh_count 1\n',
    ]) {
      expect(() => parsePrometheusText(bad)).toThrow();
    }
  });

  it('serves every metric the Grafana dashboard in docker/grafana reads', () => {
    expect(metricNamesIn('histogram_quantile(0.95, sum by (route, le) (rate(a_bucket{s=~"$x"}[5m]))) / b')).toEqual([
      'a_bucket',
      'b',
    ]);
    expect(metricNamesIn('label_values(c_watts, site_id)')).toEqual(['c_watts']);
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThan(10);
    expect(queries.every((query) => query.trim().length > 0)).toBe(true);
    const read = [...new Set(queries.flatMap(metricNamesIn))].sort();
    expect(read).toEqual(
      expect.arrayContaining(['apron_site_power_watts', 'apron_site_grid_limit_watts', 'apron_ocpp_messages_total']),
    );
    const histogramSeries = (name: string) => [`${name}_bucket`, `${name}_sum`, `${name}_count`];
    const served = new Set(
      families.flatMap((family) => (family.type === 'histogram' ? histogramSeries(family.name) : [family.name])),
    );
    expect(read.filter((name) => !served.has(name))).toEqual([]);
  });

  const tool = promtool();
  (tool ? it : it.skip)('passes promtool check metrics', () => {
    execFileSync(tool!, ['check', 'metrics'], { input: text });
  });
});
