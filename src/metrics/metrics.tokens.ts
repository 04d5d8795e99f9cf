/** The prom-client registry of this service instance. */
export const PROMETHEUS_REGISTRY = Symbol('PROMETHEUS_REGISTRY');
