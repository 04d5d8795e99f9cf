import { ConnectorStatus, PublicSessionState } from './site-snapshot';

/**
 * What the tick needs from the OCPP side and from fleet state, behind narrow interfaces so the tick can be
 * driven by the real gateway, by virtual chargers, or by a stored scenario alike (the ACN habit in STYLE.md).
 */
export const CHARGER_LIVE_STATE = Symbol('CHARGER_LIVE_STATE');
export const VEHICLE_LIVE_STATE = Symbol('VEHICLE_LIVE_STATE');
export const TASK_ENERGY = Symbol('TASK_ENERGY');

export interface ChargerLive {
  online: boolean;
  /** Last reported status per connector id; a connector never reported is absent. */
  connectors: Map<number, ConnectorStatus>;
}

export interface ChargerLiveState {
  chargers(chargePointIds: string[]): Promise<Map<string, ChargerLive>>;
  /** Sessions in progress at the site: where fleet vehicles are plugged in, and the public EVs. */
  sessions(siteId: string): Promise<SiteSessions>;
}

export interface SiteSessions {
  /** By vehicle id, from sessions linked to a fleet vehicle. */
  pluggedVehicles: Map<string, { chargePointId: string; connectorId: number }>;
  /** Public (non-fleet) EVs charging. */
  publicSessions: PublicSessionState[];
}

export interface VehicleLive {
  socPercent: number;
  socUncertaintyPercent: number;
  plugged?: { chargePointId: string; connectorId: number };
  busyUntil?: Date;
}

export interface VehicleLiveState {
  /**
   * `vehicles`: keyed by fleet number; a vehicle without an estimate is absent. A vehicle is busy (`busyUntil`) from
   * when it left for an assigned task: `departureLeadMinutes` before the task's start. `vehiclesLeftByTask`: fleet
   * numbers recorded (dispatcher, telematics) as serving each task, by task id: the vehicles that left for it. One
   * read of the fleet's records gives both.
   */
  fleet(
    siteId: string,
    now: Date,
    departureLeadMinutes?: number,
  ): Promise<{ vehicles: Map<string, VehicleLive>; vehiclesLeftByTask: Map<string, string[]> }>;
}

/** Energy per vehicle for a task that does not state it (learned consumption, else configured). */
export interface TaskEnergy {
  taskEnergyKwh(
    task: { siteId: string; energyKwhPerVehicle: number | null; distanceKm: number | null },
    vehicleType: string,
  ): Promise<{ energyKwh: number }>;
}

/** Sessions charging fleet vehicles, however they were linked (idTag, EVCCID, dispatcher). */
export interface FleetSessions {
  fleetSessionIds(siteId: string): Promise<Set<string>>;
}

export const FLEET_SESSIONS = Symbol('FLEET_SESSIONS');
