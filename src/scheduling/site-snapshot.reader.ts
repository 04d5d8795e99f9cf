import { Inject, Injectable } from '@nestjs/common';
import { Charger } from '../chargers/charger.entity';
import { ChargersService } from '../chargers/chargers.service';
import { VehiclesService } from '../fleet/vehicles.service';
import { SitesService } from '../sites/sites.service';
import { TaskAssignmentsService } from '../tasks/task-assignments.service';
import { TransferTask } from '../tasks/transfer-task.entity';
import { TasksService } from '../tasks/tasks.service';
import {
  CHARGER_LIVE_STATE,
  ChargerLiveState,
  SessionLive,
  TASK_ENERGY,
  TaskEnergy,
  VEHICLE_LIVE_STATE,
  VehicleLiveState,
} from './live-state.ports';
import { LiveSession } from './profile-commands';
import { PublicSessionState, SiteSnapshot, VehicleState } from './site-snapshot';

const HOUR_MS = 3600_000;
/** SoC tracking looks this far back for tasks begun and not done, and this far ahead for the next ones. */
const TASK_LOOKBACK_HOURS = 24;
const TASK_LOOKAHEAD_HOURS = 48;
/** A charger's metered power counts when read this recently (chargers report every minute or so while charging). */
const METERED_POWER_MAX_AGE_MS = 5 * 60_000;

export interface SnapshotRead {
  snapshot: SiteSnapshot;
  /** The site's chargers as stored (their supply, for the safe default limits). */
  chargers: Charger[];
  /** Facts the reader had to assume, for the plan run's notes. */
  notes: string[];
}

/**
 * Reads one site's state through each feature's service and the live-state ports: each kind of record once per tick
 * (site, chargers, connector statuses, vehicles, tasks, task assignments, sessions), shared by SoC tracking, the
 * plan input and the plan applier.
 */
@Injectable()
export class SiteSnapshotReader {
  constructor(
    private readonly sites: SitesService,
    private readonly chargers: ChargersService,
    private readonly vehicles: VehiclesService,
    private readonly tasks: TasksService,
    private readonly assignments: TaskAssignmentsService,
    @Inject(CHARGER_LIVE_STATE) private readonly chargerLive: ChargerLiveState,
    @Inject(VEHICLE_LIVE_STATE) private readonly vehicleLive: VehicleLiveState,
    @Inject(TASK_ENERGY) private readonly taskEnergy: TaskEnergy,
  ) {}

  async read(siteId: string, now: Date, horizonHours: number): Promise<SnapshotRead> {
    const notes: string[] = [];
    const nowMs = now.getTime();
    const site = await this.sites.get(siteId);
    const chargers = await this.chargers.listBySite(siteId);
    const live = await this.chargerLive.chargers(chargers.map((charger) => charger.chargePointId));
    // Only a charger that does not obey is planned around what it draws.
    const refusing = [...live].filter(([, state]) => state.online && state.refusal).map(([id]) => id);
    const meteredKw = await this.chargerLive.meteredKw(refusing, new Date(nowMs - METERED_POWER_MAX_AGE_MS));
    const vehicles = await this.vehicles.listBySite(siteId);
    const horizonEndMs = nowMs + horizonHours * HOUR_MS;
    const tasksAround = await this.tasks.listInWindow(
      siteId,
      new Date(nowMs - TASK_LOOKBACK_HOURS * HOUR_MS),
      new Date(Math.max(horizonEndMs, nowMs + TASK_LOOKAHEAD_HOURS * HOUR_MS)),
    );
    const assignments = await this.assignments.forSite(siteId);
    const { vehicles: vehicleLive, vehiclesLeftByTask: recorded } = await this.vehicleLive.vehicleStates(
      { vehicles, tasks: tasksAround, assignments },
      now,
      site.departureLeadMinutes,
    );
    const tasks = tasksAround.filter((task) => overlaps(task, nowMs, horizonEndMs));
    // The prediction depends only on the vehicle type and distance: one look-up per pair, not per task.
    const taskEnergyKwh = new Map<string, number>();
    const predictedKwh = new Map<string, number>();
    for (const task of tasks) {
      if (task.energyKwhPerVehicle !== null || task.status !== 'planned') continue;
      const key = `${task.vehicleType}|${task.distanceKm}`;
      if (!predictedKwh.has(key)) {
        const predicted = await this.taskEnergy.taskEnergyKwh(task, task.vehicleType, undefined, vehicles);
        predictedKwh.set(key, predicted.energyKwh);
      }
      taskEnergyKwh.set(task.id, predictedKwh.get(key)!);
    }
    const sessions = latestPerConnector(await this.chargerLive.sessions(siteId), notes);
    const fleetNumberOf = new Map(vehicles.map((vehicle) => [vehicle.id, vehicle.fleetNumber]));
    // Latest first: a vehicle moved from a charger that went offline (its session there never ended) is plugged where
    // it started charging last.
    const plugged = new Map<string, { chargePointId: string; connectorId: number }>();
    for (const session of sessions) {
      if (session.vehicleId === null || plugged.has(session.vehicleId)) continue;
      plugged.set(session.vehicleId, { chargePointId: session.chargePointId, connectorId: session.connectorId });
    }
    return {
      notes,
      chargers,
      snapshot: {
        now,
        site: {
          code: site.code,
          kind: site.kind,
          timeZone: site.timeZone,
          gridLimitKw: site.gridLimitKw,
          baseLoadKw: site.baseLoadKw,
          demandChargePerKw: site.demandChargePerKw,
          tariff: site.tariff,
          departureLeadMinutes: site.departureLeadMinutes,
        },
        chargers: chargers.map((charger) => {
          const state = live.get(charger.chargePointId);
          return {
            chargePointId: charger.chargePointId,
            maxKw: charger.maxKw,
            online: state?.online ?? false,
            connectors: charger.connectors.map((connector) => ({
              connectorId: connector.connectorId,
              maxKw: connector.maxKw,
              // A connected charger reports every connector at boot; one not yet heard from is assumed free.
              status: state?.connectors.get(connector.connectorId) ?? 'Available',
            })),
            ...(state?.refusal ? { refusal: state.refusal } : {}),
            ...(meteredKw.has(charger.chargePointId) ? { meteredKw: meteredKw.get(charger.chargePointId) } : {}),
          };
        }),
        vehicles: vehicles.map((vehicle): VehicleState => {
          const state = vehicleLive.get(vehicle.fleetNumber);
          if (!state) notes.push(`vehicle ${vehicle.fleetNumber} has no SoC estimate: planned at its reserve`);
          return {
            fleetNumber: vehicle.fleetNumber,
            type: vehicle.type,
            batteryKwh: vehicle.batteryKwh,
            minSocPercent: vehicle.minSocPercent,
            maxSocPercent: vehicle.maxSocPercent,
            maxChargeKw: vehicle.maxChargeKw,
            chargeEfficiency: vehicle.chargeEfficiency,
            turnaroundMinutes: vehicle.turnaroundMinutes,
            inService: vehicle.inService,
            socPercent: state?.socPercent ?? vehicle.minSocPercent,
            socUncertaintyPercent: state?.socUncertaintyPercent ?? 0,
            plugged: plugged.get(vehicle.id),
            busyUntil: state?.busyUntil,
          };
        }),
        tasks: tasks.map((task) => ({
          flightRef: task.flightRef,
          vehicleType: task.vehicleType,
          vehiclesNeeded: task.vehiclesNeeded,
          start: task.startsAt,
          end: task.endsAt,
          status: task.status,
          energyKwhPerVehicle: task.energyKwhPerVehicle ?? taskEnergyKwh.get(task.id) ?? 0,
          pinnedVehicles: task.pinnedVehicles,
          forbiddenVehicles: task.forbiddenVehicles,
          vehiclesLeft: recorded.get(task.id) ?? [],
        })),
        sessions: sessions
          .filter((session) => session.vehicleId === null)
          .map((session): PublicSessionState => ({
            id: session.id,
            chargePointId: session.chargePointId,
            connectorId: session.connectorId,
            ...session.needs,
          })),
        chargingSessions: sessions.map((session): LiveSession => ({
          sessionId: session.id,
          chargePointId: session.chargePointId,
          evseId: session.connectorId,
          transactionId: session.transactionId,
          fleetNumber: session.vehicleId === null ? undefined : fleetNumberOf.get(session.vehicleId),
        })),
      },
    };
  }
}

/** The tasks service's window rule: a task overlaps [from, to) when it ends after `from` and starts before `to`. */
function overlaps(task: TransferTask, fromMs: number, toMs: number): boolean {
  return task.endsAt.getTime() > fromMs && task.startsAt.getTime() < toMs;
}

/**
 * One session per connector, the latest started: an older one still open there was lost by its charger (a reboot, a
 * missed stop). Left in, the plan input would have more sessions than connectors and the whole site would go
 * unplanned for one charger's slip.
 */
function latestPerConnector(sessions: SessionLive[], notes: string[]): SessionLive[] {
  const seen = new Set<string>();
  return sessions.filter((session) => {
    const connector = `${session.chargePointId}/${session.connectorId}`;
    if (!seen.has(connector)) return seen.add(connector);
    notes.push(`session ${session.id} on ${connector} left out: a later session is open on that connector`);
    return false;
  });
}
