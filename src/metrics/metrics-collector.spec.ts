import { Registry } from 'prom-client';
import { OcppEventBus } from '../ocpp/events/ocpp-event-bus';
import { OcppMessageCounts } from '../ocpp/events/ocpp-message-counts';
import { PlanAppliedEvent, SchedulingEvents } from '../scheduling/scheduling-events';
import { MetricsCollector } from './metrics-collector';

const planApplied = (overrides: Partial<PlanAppliedEvent>): PlanAppliedEvent => ({
  type: 'plan.applied',
  siteId: 'site-a',
  planRunId: 'run-1',
  tickAt: '2026-12-07T06:00:00Z',
  planMadeAt: '2026-12-07T06:00:00Z',
  status: 'optimal',
  applied: 'new',
  reason: null,
  unservedTasks: 0,
  tickMs: 250,
  solveMs: 100,
  gridLimitKw: 1200,
  baseLoadKw: 50,
  plannedSitePowerKw: 400,
  ...overrides,
});

describe('MetricsCollector', () => {
  let now: Date;
  let registry: Registry;
  let scheduling: SchedulingEvents;
  let ocpp: OcppEventBus;
  let collector: MetricsCollector;

  const value = async (name: string, labels: Record<string, string>) => {
    const metric = (await registry.getMetricsAsJSON()).find((candidate) => candidate.name === name);
    const matching = metric?.values.find((sample) =>
      Object.entries(labels).every(([key, expected]) => String(sample.labels[key]) === expected),
    );
    return matching?.value;
  };

  beforeEach(() => {
    now = new Date('2026-12-07T06:00:00Z');
    registry = new Registry();
    scheduling = new SchedulingEvents();
    ocpp = new OcppEventBus();
    collector = new MetricsCollector(registry, scheduling, ocpp, new OcppMessageCounts(), { now: () => now });
    collector.onModuleInit();
  });
  afterEach(() => collector.onModuleDestroy());

  it('reports site power and grid limit in watts, planned power with the base load', async () => {
    scheduling.publish(planApplied({}));
    expect(await value('apron_site_power_watts', { site_id: 'site-a' })).toBe(450_000);
    expect(await value('apron_site_grid_limit_watts', { site_id: 'site-a' })).toBe(1_200_000);
    expect(await value('apron_tick_duration_seconds', { site_id: 'site-a', le: '0.25' })).toBe(1);
  });

  it('ages the plan in force until a new one applies; a kept plan keeps its age', async () => {
    scheduling.publish(planApplied({}));
    now = new Date('2026-12-07T06:01:30Z');
    expect(await value('apron_plan_age_seconds', { site_id: 'site-a' })).toBe(90);
    scheduling.publish(planApplied({ tickAt: '2026-12-07T06:01:30Z', applied: 'kept-last', status: 'infeasible' }));
    now = new Date('2026-12-07T06:02:00Z');
    expect(await value('apron_plan_age_seconds', { site_id: 'site-a' })).toBe(120);
    scheduling.publish(planApplied({ tickAt: '2026-12-07T06:02:00Z', planMadeAt: '2026-12-07T06:02:00Z' }));
    expect(await value('apron_plan_age_seconds', { site_id: 'site-a' })).toBe(0);
  });

  it('adds up the energy the gateway counted per site, ignoring events that counted none or belong to no site', async () => {
    const sample = { type: 'meter.sample' as const, at: now };
    const envelope = { chargePointId: 'CP1', chargerId: 'c1', siteId: 'site-a', event: sample, receivedAt: now };
    ocpp.publish({ ...envelope, countedEnergyWh: 1500 });
    ocpp.publish({ ...envelope, countedEnergyWh: 250 });
    ocpp.publish(envelope);
    ocpp.publish({ ...envelope, siteId: null, countedEnergyWh: 999 });
    expect(await value('apron_energy_delivered_watt_hours_total', { site_id: 'site-a' })).toBe(1750);
  });
});
