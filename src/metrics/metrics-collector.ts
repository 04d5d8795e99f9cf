import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { OcppEventBus, OcppEventEnvelope } from '../ocpp/events/ocpp-event-bus';
import { OcppMessageCounts } from '../ocpp/events/ocpp-message-counts';
import { PlanAppliedEvent, SchedulingEvents } from '../scheduling/scheduling-events';
import { MeteredSitePower } from './metered-site-power';
import { Counter, Gauge, Histogram, MetricRegistry } from './metric-registry';

const SECONDS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Turns scheduling and OCPP events into metrics; subscribers stay cheap (they run on the OCPP message path). */
@Injectable()
export class MetricsCollector implements OnModuleInit, OnModuleDestroy {
  private readonly tickSeconds: Histogram;
  private readonly solveSeconds: Histogram;
  private readonly solves: Counter;
  private readonly alerts: Counter;
  private readonly ocppEvents: Counter;
  private readonly chargersConnected: Gauge;
  private readonly sitePowerKw: Gauge;
  private readonly siteGridLimitKw: Gauge;
  private readonly siteMeteredPowerKw: Gauge;
  private readonly metered = new MeteredSitePower();
  private readonly connected = new Set<string>();
  private readonly subscriptions: Subscription[] = [];

  constructor(
    registry: MetricRegistry,
    private readonly scheduling: SchedulingEvents,
    private readonly ocpp: OcppEventBus,
    messageCounts: OcppMessageCounts,
  ) {
    this.tickSeconds = registry.histogram(
      'apron_tick_duration_seconds',
      'Duration of one scheduling tick of one site: read state, solve, apply, store',
      SECONDS_BUCKETS,
    );
    this.solveSeconds = registry.histogram(
      'apron_solve_duration_seconds',
      'Planner solve time of one tick',
      SECONDS_BUCKETS,
    );
    this.solves = registry.counter(
      'apron_solves_total',
      'Scheduling ticks by status of the fresh solve and what was applied (new, kept-last, fallback)',
    );
    this.alerts = registry.counter('apron_alerts_total', 'Scheduling alerts raised, by code');
    this.ocppEvents = registry.counter(
      'apron_ocpp_events_total',
      'Version-neutral OCPP events received from chargers, by type; rate() gives events per second',
    );
    registry.counterFunc(
      'apron_ocpp_messages_total',
      'Raw OCPP-J frames (CALL, CALLRESULT, CALLERROR) on charger websockets, by direction; rate() gives messages per second',
      () => [
        { labels: { direction: 'inbound' }, value: messageCounts.inbound },
        { labels: { direction: 'outbound' }, value: messageCounts.outbound },
      ],
    );
    this.chargersConnected = registry.gauge('apron_ocpp_chargers_connected', 'Chargers connected over OCPP now');
    this.sitePowerKw = registry.gauge(
      'apron_site_power_kw',
      'Planned site power (charging plus base load) in the current slot of the plan in force, kW',
    );
    this.siteMeteredPowerKw = registry.gauge(
      'apron_site_metered_power_kw',
      "Metered charging power of the site now: the latest meter sample's power of each charging connector, summed, kW",
    );
    this.siteGridLimitKw = registry.gauge('apron_site_grid_limit_kw', 'Grid connection limit of the site, kW');
    this.chargersConnected.set({}, 0);
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.scheduling.events$.subscribe((event) => {
        if (event.type === 'plan.applied') this.planApplied(event);
        else this.alerts.inc({ code: event.code });
      }),
      this.ocpp.events$.subscribe((envelope) => this.ocppEvent(envelope)),
    );
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private planApplied(event: PlanAppliedEvent): void {
    this.tickSeconds.observe({}, event.tickMs / 1000);
    this.solveSeconds.observe({}, event.solveMs / 1000);
    this.solves.inc({ status: event.status, applied: event.applied });
    const site = { site_id: event.siteId };
    this.sitePowerKw.set(site, event.plannedSitePowerKw + event.baseLoadKw);
    this.siteGridLimitKw.set(site, event.gridLimitKw);
  }

  private ocppEvent(envelope: OcppEventEnvelope): void {
    const changedSite = this.metered.apply(envelope);
    if (changedSite) this.siteMeteredPowerKw.set({ site_id: changedSite }, this.metered.siteKw(changedSite));
    const { type } = envelope.event;
    if (type === 'charger.connected') this.connected.add(envelope.chargePointId);
    else if (type === 'charger.disconnected') this.connected.delete(envelope.chargePointId);
    else this.ocppEvents.inc({ type });
    this.chargersConnected.set({}, this.connected.size);
  }
}
