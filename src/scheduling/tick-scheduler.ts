import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Subscription } from 'rxjs';
import { CLOCK, Clock } from '../common/clock';
import { SitesService } from '../sites/sites.service';
import { PlanRunsRepository } from './plan-runs.repository';
import { SchedulingEvents } from './scheduling-events';
import { SCHEDULING_OPTIONS, SchedulingOptions } from './scheduling-options';
import { SiteTickService } from './site-tick.service';

const SYNC_INTERVAL_MS = 30_000;
const DAY_MS = 86_400_000;
const SITE_PAGE = 500;

/**
 * One interval per site (its own tickSeconds, else APRON_TICK_SECONDS) in @nestjs/schedule's registry,
 * kept in step with the sites table (at once when a site changes through this service, and every 30 s for changes
 * made elsewhere); a tick that throws raises an alert and the service carries on.
 */
@Injectable()
export class TickScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TickScheduler.name);
  private readonly periods = new Map<string, number>();
  private syncTimer?: NodeJS.Timeout;
  private siteChanges?: Subscription;
  private syncing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly sites: SitesService,
    private readonly ticks: SiteTickService,
    private readonly runs: PlanRunsRepository,
    private readonly events: SchedulingEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEDULING_OPTIONS) private readonly options: SchedulingOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.autoStart) return;
    await this.sync();
    this.syncTimer = setInterval(() => void this.sync(), SYNC_INTERVAL_MS);
    this.syncTimer.unref();
    // A site edit only needs its interval adjusted; pruning old plan runs stays with the periodic sync.
    this.siteChanges = this.sites.changes$.subscribe(() => void this.sync({ pruneRuns: false }));
  }

  /** Before the database closes: no new ticks start, and SiteTickService waits for the ones running. */
  onModuleDestroy(): void {
    this.stopped = true;
    this.siteChanges?.unsubscribe();
    if (this.syncTimer) clearInterval(this.syncTimer);
    this.syncTimer = undefined;
    for (const siteId of [...this.periods.keys()]) this.stop(siteId);
  }

  /** Adds, re-times and removes site intervals to match the sites table; prunes old plan runs. One sync at a time. */
  sync(options: { pruneRuns: boolean } = { pruneRuns: true }): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncNow(options.pruneRuns));
    return this.syncing;
  }

  private async syncNow(pruneRuns: boolean): Promise<void> {
    if (this.stopped) return;
    try {
      const wanted = new Map<string, number>();
      for (let offset = 0; ; offset += SITE_PAGE) {
        const page = await this.sites.list({}, SITE_PAGE, offset);
        for (const site of page.items) wanted.set(site.id, (site.tickSeconds ?? this.options.tickSeconds) * 1000);
        if (offset + SITE_PAGE >= page.total) break;
      }
      for (const [siteId, periodMs] of this.periods) {
        if (wanted.get(siteId) !== periodMs) this.stop(siteId);
      }
      for (const [siteId, periodMs] of wanted) {
        if (!this.periods.has(siteId)) this.start(siteId, periodMs);
      }
      if (pruneRuns) await this.pruneRuns();
    } catch (error) {
      this.logger.error(`could not sync site ticks: ${(error as Error).message}`);
    }
  }

  /** Deletes plan runs older than the retention (APRON_PLAN_RETENTION_DAYS), keeping each site's current plan. */
  async pruneRuns(): Promise<number> {
    const deleted = await this.runs.deleteBefore(
      new Date(this.clock.now().getTime() - this.options.retentionDays * DAY_MS),
    );
    if (deleted > 0) this.logger.log(`pruned ${deleted} plan run(s) older than ${this.options.retentionDays} days`);
    return deleted;
  }

  private start(siteId: string, periodMs: number): void {
    const timer = setInterval(() => void this.safeTick(siteId), periodMs);
    timer.unref();
    this.registry.addInterval(this.intervalName(siteId), timer);
    this.periods.set(siteId, periodMs);
    void this.safeTick(siteId);
  }

  /** @nestjs/schedule may already have cleared its registry at shutdown, before this runs. */
  private stop(siteId: string): void {
    const name = this.intervalName(siteId);
    if (this.registry.doesExist('interval', name)) this.registry.deleteInterval(name);
    this.periods.delete(siteId);
  }

  private async safeTick(siteId: string): Promise<void> {
    try {
      const outcome = await this.ticks.tick(siteId, 'tick');
      if (!outcome.ran) this.logger.warn(`site ${siteId}: tick skipped, ${outcome.reason}`);
    } catch (error) {
      const message = `tick failed: ${(error as Error).message}`;
      this.logger.error(`site ${siteId}: ${message}`);
      this.events.publish({
        type: 'alert',
        siteId,
        severity: 'critical',
        code: 'tick-failed',
        message,
        at: this.clock.now().toISOString(),
      });
    }
  }

  private intervalName(siteId: string): string {
    return `site-tick:${siteId}`;
  }
}
