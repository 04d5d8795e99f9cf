import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Subscription } from 'rxjs';
import { CLOCK, Clock } from '../common/clock';
import { OcppEventBus, OcppEventEnvelope } from '../ocpp/events/ocpp-event-bus';
import { OcppMessageCounts } from '../ocpp/events/ocpp-message-counts';
import { PlanAppliedEvent, SchedulingEvents } from '../scheduling/scheduling-events';
import { MeteredSitePower } from './metered-site-power';
import { PROMETHEUS_REGISTRY } from './metrics.tokens';

const SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const WATTS_PER_KW = 1000;

/**
 * Turns scheduling and OCPP events into metrics, in base units (seconds, watts, watt-hours); subscribers stay cheap
 * (they run on the OCPP message path). Counts another component owns are read when scraped, not counted twice.
 */
@Injectable()
export class MetricsCollector implements OnModuleInit, OnModuleDestroy {
  private readonly tickSeconds: Histogram<'site_id'>;
  private readonly solveSeconds: Histogram<'site_id'>;
  private readonly solves: Counter<'site_id' | 'status' | 'applied'>;
  private readonly alerts: Counter<'site_id' | 'code'>;
  private readonly ocppEvents: Counter<'type'>;
  private readonly chargersConnected: Gauge;
  private readonly sitePowerWatts: Gauge<'site_id'>;
  private readonly siteGridLimitWatts: Gauge<'site_id'>;
  private readonly siteMeteredPowerWatts: Gauge<'site_id'>;
  private readonly energyWattHours: Counter<'site_id'>;
  private readonly metered = new MeteredSitePower();
  private readonly connected = new Set<string>();
  /** When the plan in force at each site was made (ms since the epoch). */
  private readonly planMadeAtMs = new Map<string, number>();
  private readonly subscriptions: Subscription[] = [];

  constructor(
    @Inject(PROMETHEUS_REGISTRY) registry: Registry,
    private readonly scheduling: SchedulingEvents,
    private readonly ocpp: OcppEventBus,
    messageCounts: OcppMessageCounts,
    @Inject(CLOCK) clock: Clock,
  ) {
    const registers = [registry];
    this.tickSeconds = new Histogram({
      name: 'apron_tick_duration_seconds',
      help: 'Duration of one scheduling tick of one site: read state, solve, apply, store',
      labelNames: ['site_id'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.solveSeconds = new Histogram({
      name: 'apron_solve_duration_seconds',
      help: 'Planner solve time of one tick of one site',
      labelNames: ['site_id'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.solves = new Counter({
      name: 'apron_solves_total',
      help: 'Scheduling ticks by site, status of the fresh solve and what was applied (new, kept-last, fallback)',
      labelNames: ['site_id', 'status', 'applied'],
      registers,
    });
    this.alerts = new Counter({
      name: 'apron_alerts_total',
      help: 'Scheduling alerts raised, by site and code',
      labelNames: ['site_id', 'code'],
      registers,
    });
    const planMadeAtMs = this.planMadeAtMs;
    new Gauge({
      name: 'apron_plan_age_seconds',
      help: 'Seconds since the plan in force at the site was made (a kept plan grows older until a new one applies)',
      labelNames: ['site_id'],
      registers,
      collect() {
        const nowMs = clock.now().getTime();
        for (const [siteId, madeAtMs] of planMadeAtMs) this.set({ site_id: siteId }, (nowMs - madeAtMs) / 1000);
      },
    });
    this.ocppEvents = new Counter({
      name: 'apron_ocpp_events_total',
      help: 'Version-neutral OCPP events received from chargers, by type; rate() gives events per second',
      labelNames: ['type'],
      registers,
    });
    new Counter({
      name: 'apron_ocpp_messages_total',
      help: 'Raw OCPP-J frames (CALL, CALLRESULT, CALLERROR) on charger websockets, by direction, OCPP version and action (an answer counts under its call)',
      labelNames: ['direction', 'version', 'action'],
      registers,
      collect() {
        this.reset();
        for (const { direction, version, action, count } of messageCounts.all()) {
          this.inc({ direction, version, action }, count);
        }
      },
    });
    this.chargersConnected = new Gauge({
      name: 'apron_ocpp_chargers_connected',
      help: 'Chargers connected over OCPP now',
      registers,
    });
    this.sitePowerWatts = new Gauge({
      name: 'apron_site_power_watts',
      help: 'Planned site power (charging plus base load) in the current slot of the plan in force',
      labelNames: ['site_id'],
      registers,
    });
    this.siteMeteredPowerWatts = new Gauge({
      name: 'apron_site_metered_power_watts',
      help: "Metered charging power of the site now: the latest meter sample's power of each charging connector, summed",
      labelNames: ['site_id'],
      registers,
    });
    this.siteGridLimitWatts = new Gauge({
      name: 'apron_site_grid_limit_watts',
      help: 'Grid connection limit of the site',
      labelNames: ['site_id'],
      registers,
    });
    this.energyWattHours = new Counter({
      name: 'apron_energy_delivered_watt_hours_total',
      help: "Energy charged at the site's chargers as their meter registers counted it, each step once",
      labelNames: ['site_id'],
      registers,
    });
    this.chargersConnected.set(0);
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.scheduling.events$.subscribe((event) => {
        if (event.type === 'plan.applied') this.planApplied(event);
        else this.alerts.inc({ site_id: event.siteId, code: event.code });
      }),
      this.ocpp.events$.subscribe((envelope) => this.ocppEvent(envelope)),
    );
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private planApplied(event: PlanAppliedEvent): void {
    const site = { site_id: event.siteId };
    this.tickSeconds.observe(site, event.tickMs / 1000);
    this.solveSeconds.observe(site, event.solveMs / 1000);
    this.solves.inc({ ...site, status: event.status, applied: event.applied });
    this.sitePowerWatts.set(site, (event.plannedSitePowerKw + event.baseLoadKw) * WATTS_PER_KW);
    this.siteGridLimitWatts.set(site, event.gridLimitKw * WATTS_PER_KW);
    this.planMadeAtMs.set(event.siteId, Date.parse(event.planMadeAt));
  }

  private ocppEvent(envelope: OcppEventEnvelope): void {
    const changedSite = this.metered.apply(envelope);
    if (changedSite) {
      this.siteMeteredPowerWatts.set({ site_id: changedSite }, this.metered.siteKw(changedSite) * WATTS_PER_KW);
    }
    if (envelope.siteId !== null && envelope.countedEnergyWh !== undefined && envelope.countedEnergyWh > 0) {
      this.energyWattHours.inc({ site_id: envelope.siteId }, envelope.countedEnergyWh);
    }
    const { type } = envelope.event;
    if (type === 'charger.connected') this.connected.add(envelope.chargePointId);
    else if (type === 'charger.disconnected') this.connected.delete(envelope.chargePointId);
    else this.ocppEvents.inc({ type });
    this.chargersConnected.set(this.connected.size);
  }
}
