import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChargersService } from '../../chargers/chargers.service';
import { CLOCK, Clock } from '../../common/clock';
import { VehiclesService } from '../../fleet/vehicles.service';
import { FlightsService, TaskFlightSummary } from '../../flights/flights.service';
import { SocTrackingService } from '../../soc-tracking/soc-tracking.service';
import { OcppReadService } from '../../ocpp/read/ocpp-read.service';
import { SitesService } from '../../sites/sites.service';
import { TasksService } from '../../tasks/tasks.service';
import { AlertLog } from '../events/alert-log';
import { AlertsResponse, PlanRef, TaskBoardResponse, TaskBoardRow, VehicleBoardResponse } from './board.dto';
import { CurrentPlan, CurrentPlanReader, EffectivePlan } from '../../scheduling/current-plan.reader';
import { ControlRefusals } from '../../scheduling/adapters/control-refusals';
import { chargerFullKw } from '../../scheduling/uncontrolled-load';
import { ChargerHealth, deriveAlerts } from './plan-alerts';
import { assessTask } from './task-assessment';
import { vehiclePlanStatus } from './vehicle-status';

const DEFAULT_WINDOW_MS = 24 * 3600_000;

/** SoC estimates by fleet number, and who left for which task (PUT tasks/{id}/vehicles), by task id. */
type LiveFleet = Awaited<ReturnType<SocTrackingService['fleet']>>;

function taskFlight(summary: TaskFlightSummary | undefined): TaskBoardRow['flight'] {
  if (!summary) return null;
  const { flightId: _flightId, ...shown } = summary;
  return shown;
}

/** The dispatcher's reads: tasks, vehicles and alerts against the plan in force. */
@Injectable()
export class DispatchBoardService {
  private readonly logger = new Logger(DispatchBoardService.name);

  constructor(
    private readonly sites: SitesService,
    private readonly tasks: TasksService,
    private readonly vehicles: VehiclesService,
    private readonly chargers: ChargersService,
    private readonly ocpp: OcppReadService,
    private readonly plans: CurrentPlanReader,
    private readonly fleetState: SocTrackingService,
    private readonly alertLog: AlertLog,
    private readonly flights: FlightsService,
    private readonly refusals: ControlRefusals,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async taskBoard(
    siteId: string,
    window: { from?: Date; to?: Date },
    limit: number,
    offset: number,
  ): Promise<TaskBoardResponse> {
    const site = await this.sites.get(siteId);
    const leadMs = site.departureLeadMinutes * 60_000;
    const from = window.from ?? this.clock.now();
    const to = window.to ?? new Date(from.getTime() + DEFAULT_WINDOW_MS);
    const page = await this.tasks.list({ siteId, from, to }, limit, offset);
    const current = await this.plans.current(siteId);
    const plan = current?.plan ?? null;
    const { vehiclesLeftByTask } = await this.liveFleet(site, this.clock.now());
    const flights = await this.flights.summaries(page.items.map((task) => task.flightId));
    const items = page.items.map((task) => {
      const departAtMs = task.startsAt.getTime() - leadMs;
      return {
        id: task.id,
        flightRef: task.flightRef,
        vehicleType: task.vehicleType,
        vehiclesNeeded: task.vehiclesNeeded,
        departAt: new Date(departAtMs).toISOString(),
        start: task.startsAt.toISOString(),
        end: task.endsAt.toISOString(),
        status: task.status,
        pinnedVehicles: task.pinnedVehicles,
        forbiddenVehicles: task.forbiddenVehicles,
        vehiclesLeft: vehiclesLeftByTask.get(task.id) ?? [],
        // The SoC that matters is the one the vehicle leaves with: the plan stops charging it at the departure.
        ...assessTask(task.status === 'planned' ? plan : null, task.flightRef, departAtMs),
        flight: taskFlight(flights.get(task.flightId ?? '')),
      };
    });
    return { plan: planRef(current), items, total: page.total, limit, offset };
  }

  async vehicleBoard(siteId: string): Promise<VehicleBoardResponse> {
    const site = await this.sites.get(siteId);
    const now = this.clock.now();
    const current = await this.plans.current(siteId);
    const vehicles = await this.vehicles.listBySite(siteId);
    const estimates = (await this.liveFleet(site, now)).vehicles;
    const taskStarts = await this.taskStarts(siteId, current?.plan ?? null, now);
    const items = vehicles.map((vehicle) => {
      const estimate = estimates.get(vehicle.fleetNumber);
      const facts = { ...vehicle, awayOnTask: estimate?.awayOnTask };
      return {
        id: vehicle.id,
        fleetNumber: vehicle.fleetNumber,
        type: vehicle.type,
        inService: vehicle.inService,
        minSocPercent: vehicle.minSocPercent,
        socPercentEstimate: estimate?.socPercent ?? null,
        socUncertaintyPercent: estimate?.socUncertaintyPercent ?? null,
        ...vehiclePlanStatus(facts, current?.plan ?? null, now.getTime(), site, taskStarts),
      };
    });
    return { plan: planRef(current), items };
  }

  async alerts(siteId: string): Promise<AlertsResponse> {
    const site = await this.sites.get(siteId);
    const current = await this.plans.current(siteId);
    const chargers = await this.chargerHealth(siteId);
    const now = this.clock.now();
    const estimates = (await this.liveFleet(site, now)).vehicles;
    const vehicles = (await this.vehicles.listBySite(siteId)).map((vehicle) => ({
      fleetNumber: vehicle.fleetNumber,
      inService: vehicle.inService,
      minSocPercent: vehicle.minSocPercent,
      socPercent: estimates.get(vehicle.fleetNumber)?.socPercent ?? null,
    }));
    const latest = current ? { applied: current.latest.applied, reason: current.latest.reason } : null;
    const plan = current?.plan ?? null;
    const alerts = deriveAlerts({ plan, latest, chargers, vehicles, nowMs: now.getTime() });
    const recent = this.alertLog
      .recent(siteId)
      .map(({ code, severity, message, at }) => ({ code, severity, message, at }));
    return { plan: planRef(current), current: alerts, recent };
  }

  /** Live fleet state in one read; the boards still answer, without it, when fleet state fails. */
  /** As the tick sees it, with the site's departure lead: a bus recorded as gone for a task is away from then. */
  private async liveFleet(site: { id: string; departureLeadMinutes: number }, now: Date): Promise<LiveFleet> {
    try {
      return await this.fleetState.fleet(site.id, now, site.departureLeadMinutes);
    } catch (error) {
      this.logger.warn(`site ${site.id}: no fleet state: ${(error as Error).message}`);
      return { vehicles: new Map(), vehiclesLeftByTask: new Map() };
    }
  }

  /** The stored start of each task the plan still has ahead (by flightRef, the plan's task id). */
  private async taskStarts(siteId: string, plan: EffectivePlan | null, now: Date): Promise<Map<string, Date>> {
    const endsMs = (plan?.input.tasks ?? []).map((task) => Date.parse(task.end));
    if (endsMs.length === 0) return new Map();
    const tasks = await this.tasks.listInWindow(siteId, now, new Date(Math.max(...endsMs)));
    return new Map(tasks.map((task) => [task.flightRef, task.startsAt]));
  }

  /**
   * Every charger of the site with its connection, faulted connectors and whether it refuses Apron's profiles, in one
   * read of the statuses.
   */
  private async chargerHealth(siteId: string): Promise<ChargerHealth[]> {
    const chargers = await this.chargers.listBySite(siteId);
    const live = await this.ocpp.liveConnectors(chargers.map((charger) => charger.chargePointId));
    return chargers.map((charger) => {
      const state = live.get(charger.chargePointId);
      const refusal = this.refusals.refusalOf(charger.chargePointId);
      return {
        chargePointId: charger.chargePointId,
        online: state?.online ?? false,
        faultedConnectors: (state?.connectors ?? []).filter((c) => c.status === 'Faulted').map((c) => c.evseId),
        ...(refusal ? { uncontrolled: { reason: refusal.reason, fullKw: chargerFullKw(charger) } } : {}),
      };
    });
  }
}

function planRef(current: CurrentPlan | null): PlanRef | null {
  if (!current) return null;
  return { planRunId: current.latest.id, tickAt: current.latest.tickAt, applied: current.latest.applied };
}
