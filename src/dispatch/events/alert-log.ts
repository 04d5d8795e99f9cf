import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { SchedulingAlert, SchedulingEvents } from '../../scheduling/scheduling-events';

/** Alerts kept per site; older ones drop off (memory stays bounded however long the service runs). */
export const ALERTS_KEPT_PER_SITE = 50;

/** The recent alert events of each site, newest first, for GET alerts; lost on restart by design. */
@Injectable()
export class AlertLog implements OnModuleInit, OnModuleDestroy {
  private readonly bySite = new Map<string, SchedulingAlert[]>();
  private subscription?: Subscription;

  constructor(private readonly scheduling: SchedulingEvents) {}

  onModuleInit(): void {
    this.subscription = this.scheduling.events$.subscribe((event) => {
      if (event.type === 'alert') this.add(event);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  recent(siteId: string): SchedulingAlert[] {
    return [...(this.bySite.get(siteId) ?? [])];
  }

  private add(alert: SchedulingAlert): void {
    const alerts = this.bySite.get(alert.siteId) ?? [];
    alerts.unshift(alert);
    if (alerts.length > ALERTS_KEPT_PER_SITE) alerts.length = ALERTS_KEPT_PER_SITE;
    this.bySite.set(alert.siteId, alerts);
  }
}
