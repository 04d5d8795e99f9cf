import { Inject, Injectable, Logger } from '@nestjs/common';
import { Charger } from '../chargers/charger.entity';
import { ChargersService } from '../chargers/chargers.service';
import { CLOCK, Clock } from '../common/clock';
import { OcppReadService } from '../ocpp/read/ocpp-read.service';
import { boundariesMs } from '../scheduling/plan-slots';
import { PlanRun } from '../scheduling/plan-run.entity';
import { CurrentPlanReader } from '../scheduling/current-plan.reader';
import { Site } from '../sites/site.entity';
import { SitesService } from '../sites/sites.service';
import { DashboardCharger, DashboardPlan, DashboardResponse, DashboardTariffBand } from './dashboard.dto';
import { meteredPowerKw, PowerSample } from './metered-power';
import { tariffBands } from './tariff-bands';

const HOUR_MS = 3600_000;
/** How far back the power chart shows metered power, and how finely. */
export const METERED_LOOKBACK_HOURS = 3;
export const METERED_BUCKET_MINUTES = 5;
/** Without a plan, the chart still shows the tariff of the next hours. */
const DEFAULT_HORIZON_HOURS = 24;
/** Meter samples read per charger: 3 h at one sample a minute on several connectors, with room to spare. */
const SAMPLES_PER_CHARGER = 5000;

/** One read of what the dashboard draws for a site: plan timeline, tariff bands, metered power, charger status. */
@Injectable()
export class DashboardService {
  private readonly logger = new Logger(DashboardService.name);

  constructor(
    private readonly sites: SitesService,
    private readonly chargers: ChargersService,
    private readonly ocpp: OcppReadService,
    private readonly plans: CurrentPlanReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async view(siteId: string): Promise<DashboardResponse> {
    const site = await this.sites.get(siteId);
    const now = this.clock.now();
    const current = await this.plans.current(siteId);
    const run = current?.plan ? { ...current.latest, ...current.plan } : null;
    const boundaries = run ? boundariesMs(run.input) : [];
    const meteredFromMs = floorTo(now.getTime() - METERED_LOOKBACK_HOURS * HOUR_MS, METERED_BUCKET_MINUTES);
    const endMs = boundaries.at(-1) ?? now.getTime() + DEFAULT_HORIZON_HOURS * HOUR_MS;
    const chargers = await this.chargers.listBySite(siteId);
    return {
      at: now.toISOString(),
      site: {
        id: site.id,
        code: site.code,
        name: site.name,
        kind: site.kind,
        timeZone: site.timeZone,
        gridLimitKw: site.gridLimitKw,
        baseLoadKw: site.baseLoadKw,
        currency: site.tariff.currency,
      },
      plan: run ? planView(run, boundaries) : null,
      tariffBands: this.bands(site, new Date(Math.min(meteredFromMs, boundaries[0] ?? Infinity)), new Date(endMs)),
      meteredPower: {
        bucketMinutes: METERED_BUCKET_MINUTES,
        points: meteredPowerKw(
          await this.powerSamples(chargers, new Date(meteredFromMs), now),
          meteredFromMs,
          now.getTime(),
          METERED_BUCKET_MINUTES,
        ),
      },
      chargers: await Promise.all(chargers.map((charger) => this.chargerView(charger))),
    };
  }

  private bands(site: Site, from: Date, to: Date): DashboardTariffBand[] {
    try {
      return tariffBands(site.tariff, site.timeZone, from, to);
    } catch (error) {
      // The site rules keep every instant priced; a chart without bands beats no dashboard.
      this.logger.warn(`site ${site.id}: no tariff bands: ${(error as Error).message}`);
      return [];
    }
  }

  private async powerSamples(chargers: Charger[], from: Date, to: Date): Promise<PowerSample[]> {
    const pages = await Promise.all(
      chargers.map((charger) =>
        this.ocpp.listSamples({ chargePointId: charger.chargePointId }, { from, to }, SAMPLES_PER_CHARGER, 0),
      ),
    );
    return pages.flatMap((page) =>
      page.items.map((row) => ({
        chargePointId: row.chargePointId,
        evseId: row.evseId,
        sampledAtMs: row.sampledAt.getTime(),
        powerW: row.powerW,
      })),
    );
  }

  private async chargerView(charger: Charger): Promise<DashboardCharger> {
    const state = await this.ocpp.connectionState(charger.chargePointId);
    const connectors = [...charger.connectors].sort((a, b) => a.connectorId - b.connectorId);
    return {
      id: charger.id,
      chargePointId: charger.chargePointId,
      maxKw: charger.maxKw,
      online: state.online,
      ocppVersion: state.ocppVersion,
      lastSeenAt: state.lastSeenAt,
      connectors: connectors.map((connector) => {
        // OCPP 1.6 connector ids and 2.0.1 EVSE ids are the configured connector ids (connector.entity.ts).
        const live = state.connectors.find((candidate) => candidate.evseId === connector.connectorId);
        return {
          connectorId: connector.connectorId,
          maxKw: connector.maxKw,
          status: live?.status ?? null,
          errorCode: live?.errorCode ?? null,
          since: live?.at ?? null,
        };
      }),
    };
  }
}

function planView(run: PlanRun, boundaries: number[]): DashboardPlan {
  const { result } = run;
  return {
    planRunId: run.id,
    tickAt: run.tickAt.toISOString(),
    applied: run.applied,
    status: run.status,
    message: run.message,
    reason: run.reason,
    boundaries: boundaries.map((ms) => new Date(ms).toISOString()),
    sitePowerKw: result.sitePowerKw,
    soc: result.soc,
    charging: result.charging,
    costTotal: result.costTotal,
    peakKw: result.peakKw,
  };
}

function floorTo(epochMs: number, minutes: number): number {
  const stepMs = minutes * 60_000;
  return Math.floor(epochMs / stepMs) * stepMs;
}
