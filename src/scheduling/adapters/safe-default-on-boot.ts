import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { NeutralChargingProfile } from '@apron/ocpp-model';
import { Subscription } from 'rxjs';
import { ChargersService } from '../../chargers/chargers.service';
import { CLOCK, Clock } from '../../common/clock';
import { CHARGER_COMMANDS, ChargerCommands } from '../../ocpp/commands/charger-commands';
import { OcppEventBus } from '../../ocpp/events/ocpp-event-bus';
import { SitesService } from '../../sites/sites.service';
import { SafeDefaultInputs, safeDefaultProfile } from '../safe-default-limit';
import { ControlRefusals, refusalReason } from './control-refusals';

/** The gateway answers the BootNotification first; commands to the charger follow after this pause. */
const AFTER_BOOT_MS = 500;
/** A thousand chargers booting at once must not each list the whole site. */
const SITE_CHARGER_COUNT_TTL_MS = 60_000;

/** What a tick's check of the safe defaults did: how many it sent, and why any could not be sent. */
export interface SafeDefaultRefresh {
  sent: number;
  notes: string[];
}

/**
 * On every accepted boot, the charger gets its safe default limit (DESIGN.md §3, issue 6). Each tick also checks it
 * still fits: a lower grid limit or another charger at the site lowers every charger's share, and a charger that
 * keeps the old share would take the site over its grid limit once Apron's plan profiles expire.
 */
@Injectable()
export class SafeDefaultOnBoot implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SafeDefaultOnBoot.name);
  private subscription?: Subscription;
  private readonly pending = new Set<NodeJS.Timeout>();
  private readonly chargerCounts = new Map<string, { count: Promise<number>; atMs: number }>();
  /** The limit each charger last accepted, so a tick sends only a changed one. */
  private readonly accepted = new Map<string, string>();

  constructor(
    private readonly events: OcppEventBus,
    private readonly chargers: ChargersService,
    private readonly sites: SitesService,
    @Inject(CHARGER_COMMANDS) private readonly commands: ChargerCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly refusals: ControlRefusals,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.events$.subscribe((envelope) => {
      if (envelope.event.type !== 'charger.booted' || !envelope.siteId) return;
      this.accepted.delete(envelope.chargePointId);
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
      const profile = this.profileFor(site, chargersAtSite, charger);
      const outcome = await this.commands.setChargingProfile(chargePointId, profile);
      if (outcome.accepted) this.accepted.set(chargePointId, signatureOf(profile));
      else this.refused(chargePointId, refusalReason({ outcome }), outcome.status);
    } catch (error) {
      this.refused(chargePointId, refusalReason({ error }), (error as Error).message);
    }
  }

  /** A charger that refuses its safe default does not obey Apron's limits: the plan counts it as uncontrolled. */
  private refused(chargePointId: string, refusal: string | undefined, problem: string): void {
    this.logger.warn(`${chargePointId}: safe default limit not set: ${problem}`);
    if (refusal !== undefined) this.refusals.refused(chargePointId, refusal, this.clock.now());
  }

  /**
   * Sends the safe default again to each of `chargers` (connected chargers of the site, as the tick read them) whose
   * share changed; `chargersAtSite` counts all of the site's chargers.
   */
  async refresh(
    site: { gridLimitKw: number; baseLoadKw: number },
    chargers: (SafeDefaultInputs['charger'] & { chargePointId: string })[],
    chargersAtSite: number,
  ): Promise<SafeDefaultRefresh> {
    const result: SafeDefaultRefresh = { sent: 0, notes: [] };
    await Promise.all(
      chargers.map(async (charger) => {
        const { chargePointId } = charger;
        const profile = this.profileFor(site, chargersAtSite, charger);
        const signature = signatureOf(profile);
        if (this.accepted.get(chargePointId) === signature) return;
        try {
          const outcome = await this.commands.setChargingProfile(chargePointId, profile);
          if (outcome.accepted) {
            this.accepted.set(chargePointId, signature);
            result.sent += 1;
          } else {
            result.notes.push(`${chargePointId}: safe default limit answered ${outcome.status}`);
            this.refused(chargePointId, refusalReason({ outcome }), outcome.status);
          }
        } catch (error) {
          result.notes.push(`${chargePointId}: safe default limit not set: ${(error as Error).message}`);
          this.refused(chargePointId, refusalReason({ error }), (error as Error).message);
        }
      }),
    );
    return result;
  }

  private profileFor(
    site: { gridLimitKw: number; baseLoadKw: number },
    chargersAtSite: number,
    charger: SafeDefaultInputs['charger'],
  ): NeutralChargingProfile {
    return safeDefaultProfile(
      { gridLimitKw: site.gridLimitKw, baseLoadKw: site.baseLoadKw, chargersAtSite, charger },
      this.clock.now(),
    );
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

/** The daily recurring schedule's start moves with the date; the limit is what matters. */
function signatureOf(profile: NeutralChargingProfile): string {
  return JSON.stringify([profile.schedule.rateUnit, profile.schedule.periods]);
}
