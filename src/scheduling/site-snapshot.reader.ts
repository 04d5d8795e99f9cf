import { Inject, Injectable } from '@nestjs/common';
import { ChargersService } from '../chargers/chargers.service';
import { VehiclesService } from '../fleet/vehicles.service';
import { SitesService } from '../sites/sites.service';
import { TasksService } from '../tasks/tasks.service';
import {
  CHARGER_LIVE_STATE,
  ChargerLiveState,
  TASK_ENERGY,
  TaskEnergy,
  VEHICLE_LIVE_STATE,
  VehicleLiveState,
} from './live-state.ports';
import { SiteSnapshot, VehicleState } from './site-snapshot';

export interface SnapshotRead {
  snapshot: SiteSnapshot;
  /** Facts the reader had to assume, for the plan run's notes. */
  notes: string[];
}

/** Reads one site's state through each feature's service and the live-state ports. */
@Injectable()
export class SiteSnapshotReader {
  constructor(
    private readonly sites: SitesService,
    private readonly chargers: ChargersService,
    private readonly vehicles: VehiclesService,
    private readonly tasks: TasksService,
    @Inject(CHARGER_LIVE_STATE) private readonly chargerLive: ChargerLiveState,
    @Inject(VEHICLE_LIVE_STATE) private readonly vehicleLive: VehicleLiveState,
    @Inject(TASK_ENERGY) private readonly taskEnergy: TaskEnergy,
  ) {}

  async read(siteId: string, now: Date, horizonHours: number): Promise<SnapshotRead> {
    const notes: string[] = [];
    const site = await this.sites.get(siteId);
    const chargers = await this.chargers.listBySite(siteId);
    const live = await this.chargerLive.chargers(chargers.map((charger) => charger.chargePointId));
    const vehicles = await this.vehicles.listBySite(siteId);
    const { vehicles: vehicleLive, vehiclesLeftByTask: recorded } = await this.vehicleLive.fleet(
      siteId,
      now,
      site.departureLeadMinutes,
    );
    const horizonEnd = new Date(now.getTime() + horizonHours * 3600_000);
    const tasks = await this.tasks.listInWindow(siteId, now, horizonEnd);
    // The prediction depends only on the vehicle type and distance: one look-up per pair, not per task.
    const taskEnergyKwh = new Map<string, number>();
    const predictedKwh = new Map<string, number>();
    for (const task of tasks) {
      if (task.energyKwhPerVehicle !== null || task.status !== 'planned') continue;
      const key = `${task.vehicleType}|${task.distanceKm}`;
      if (!predictedKwh.has(key)) {
        predictedKwh.set(key, (await this.taskEnergy.taskEnergyKwh(task, task.vehicleType)).energyKwh);
      }
      taskEnergyKwh.set(task.id, predictedKwh.get(key)!);
    }
    const { publicSessions: sessions, pluggedVehicles: plugged } = await this.chargerLive.sessions(siteId);
    return {
      notes,
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
            plugged: state?.plugged ?? plugged.get(vehicle.id),
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
        sessions,
      },
    };
  }
}
