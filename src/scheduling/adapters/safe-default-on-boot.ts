import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { ChargersService } from '../../chargers/chargers.service';
import { CLOCK, Clock } from '../../common/clock';
import { CHARGER_COMMANDS, ChargerCommands } from '../../ocpp/commands/charger-commands';
import { OcppEventBus } from '../../ocpp/events/ocpp-event-bus';
import { SitesService } from '../../sites/sites.service';
import { safeDefaultProfile } from '../safe-default-limit';

/** The gateway answers the BootNotification first; commands to the charger follow after this pause. */
const AFTER_BOOT_MS = 500;
/** A thousand chargers booting at once must not each list the whole site. */
const SITE_CHARGER_COUNT_TTL_MS = 60_000;

/** On every accepted boot, the charger gets its safe default limit (DESIGN.md §3, issue 6). */
@Injectable()
export class SafeDefaultOnBoot implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SafeDefaultOnBoot.name);
  private subscription?: Subscription;
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly chargerCounts = new Map<string, { count: Promise<number>; atMs: number }>();

  constructor(
    private readonly events: OcppEventBus,
    private readonly chargers: ChargersService,
    private readonly sites: SitesService,
    @Inject(CHARGER_COMMANDS) private readonly commands: ChargerCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.events$.subscribe((envelope) => {
      if (envelope.event.type !== 'charger.booted' || !envelope.siteId) return;
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        void this.send(envelope.chargePointId, envelope.siteId!);
      }, AFTER_BOOT_MS);
      this.pending.add(timer);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    for (const timer of this.pending) clearTimeout(timer);
  }

  async send(chargePointId: string, siteId: string): Promise<void> {
    try {
      const [charger, site, chargersAtSite] = await Promise.all([
        this.chargers.findByChargePointId(chargePointId),
        this.sites.get(siteId),
        this.chargerCount(siteId),
      ]);
      if (!charger) return;
      const profile = safeDefaultProfile(
        { gridLimitKw: site.gridLimitKw, baseLoadKw: site.baseLoadKw, chargersAtSite, charger },
        this.clock.now(),
      );
      const outcome = await this.commands.setChargingProfile(chargePointId, profile);
      if (!outcome.accepted) this.logger.warn(`${chargePointId} refused its safe default limit: ${outcome.status}`);
    } catch (error) {
      this.logger.warn(`${chargePointId}: safe default limit not set: ${(error as Error).message}`);
    }
  }

  private chargerCount(siteId: string): Promise<number> {
    const nowMs = Date.now();
    const cached = this.chargerCounts.get(siteId);
    if (cached && nowMs - cached.atMs < SITE_CHARGER_COUNT_TTL_MS) return cached.count;
    const count = this.chargers.listBySite(siteId).then((chargers) => chargers.length);
    this.chargerCounts.set(siteId, { count, atMs: nowMs });
    count.catch(() => this.chargerCounts.delete(siteId));
    return count;
  }
}
