import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { concatMap, filter, Subscription } from 'rxjs';
import { CLOCK, Clock } from '../../common/clock';
import { OcppEventBus, OcppEventEnvelope } from '../../ocpp/events/ocpp-event-bus';
import { PlanAppliedEvent, SchedulingEvents } from '../../scheduling/scheduling-events';
import { DispatchBoardService } from '../board/dispatch-board.service';
import type { DispatchAlert } from '../board/plan-alerts';
import { alertKey, diffAlerts } from './alert-diff';
import { DispatchEvents } from './dispatch-events';

/**
 * Warns dispatchers as soon as an alert starts or stops holding: after every applied plan (derived alerts of the
 * site), and between ticks when a charger drops off, comes back or reports a faulted connector.
 */
@Injectable()
export class AlertWatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AlertWatcher.name);
  private readonly raised = new Map<string, Map<string, DispatchAlert>>();
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly scheduling: SchedulingEvents,
    private readonly ocpp: OcppEventBus,
    private readonly board: DispatchBoardService,
    private readonly events: DispatchEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscriptions.push(
      this.scheduling.events$
        .pipe(
          filter((event): event is PlanAppliedEvent => event.type === 'plan.applied'),
          concatMap((event) => this.refresh(event.siteId)),
        )
        .subscribe(),
      this.ocpp.events$.subscribe((envelope) => this.chargerEvent(envelope)),
    );
  }

  onModuleDestroy(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  private async refresh(siteId: string): Promise<void> {
    try {
      const { current } = await this.board.alerts(siteId);
      const diff = diffAlerts(this.siteAlerts(siteId), current);
      this.raised.set(siteId, diff.current);
      for (const alert of diff.raised) this.tell(siteId, 'alert.raised', alert);
      for (const alert of diff.cleared) this.tell(siteId, 'alert.cleared', alert);
    } catch (error) {
      this.logger.warn(`site ${siteId}: deriving alerts failed: ${(error as Error).message}`);
    }
  }

  /** Runs on the OCPP message path: map updates and a publish only. */
  private chargerEvent({ siteId, chargePointId, event }: OcppEventEnvelope): void {
    if (!siteId) return;
    if (event.type === 'charger.disconnected') {
      this.raise(siteId, {
        code: 'charger-offline',
        severity: 'warning',
        message: `charger ${chargePointId} is offline`,
        chargerId: chargePointId,
      });
    } else if (event.type === 'charger.connected') {
      this.clear(siteId, { code: 'charger-offline', severity: 'warning', message: '', chargerId: chargePointId });
    } else if (event.type === 'connector.status') {
      const alert: DispatchAlert = {
        code: 'charger-faulted',
        severity: 'warning',
        message: `charger ${chargePointId} connector ${event.evseId} is faulted`,
        chargerId: chargePointId,
        connectorId: event.evseId,
      };
      if (event.status === 'Faulted') this.raise(siteId, alert);
      else this.clear(siteId, alert);
    }
  }

  private raise(siteId: string, alert: DispatchAlert): void {
    const alerts = this.siteAlerts(siteId);
    if (alerts.has(alertKey(alert))) return;
    alerts.set(alertKey(alert), alert);
    this.tell(siteId, 'alert.raised', alert);
  }

  private clear(siteId: string, alert: DispatchAlert): void {
    const alerts = this.siteAlerts(siteId);
    const raised = alerts.get(alertKey(alert));
    if (!raised) return;
    alerts.delete(alertKey(alert));
    this.tell(siteId, 'alert.cleared', raised);
  }

  private siteAlerts(siteId: string): Map<string, DispatchAlert> {
    const alerts = this.raised.get(siteId) ?? new Map<string, DispatchAlert>();
    this.raised.set(siteId, alerts);
    return alerts;
  }

  private tell(siteId: string, type: 'alert.raised' | 'alert.cleared', alert: DispatchAlert): void {
    this.events.publish({ type, siteId, alert, at: this.clock.now().toISOString() });
  }
}
