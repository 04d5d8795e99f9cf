import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import packageJson from '../../package.json';

const MISNAMED_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/**
 * One registry per running service (tests run several in one process, so never prom-client's global one): the
 * process and Node.js metrics of prom-client's default set, and `apron_build_info`, 1 with the build in its labels.
 */
export function createPrometheusRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Gauges named like counters (promtool refuses them); the same counts stay in nodejs_active_handles and the others.
  for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
  const buildInfo = new Gauge({
    name: 'apron_build_info',
    help: 'Always 1; its labels name the running version and Node.js release',
    labelNames: ['version', 'node'],
    registers: [registry],
  });
  buildInfo.set({ version: packageJson.version, node: process.versions.node }, 1);
  return registry;
}
