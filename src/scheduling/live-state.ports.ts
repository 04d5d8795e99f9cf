import { Vehicle } from '../fleet/vehicle.entity';
import { TaskAssignmentRow } from '../tasks/task-assignment.entity';
import { TransferTask } from '../tasks/transfer-task.entity';
import { ConnectorStatus, PublicSessionState } from './site-snapshot';

/**
 * What the tick needs from the OCPP side and from SoC tracking, behind narrow interfaces so the tick can be
 * driven by the real gateway, by virtual chargers, or by a stored scenario alike (the ACN habit in STYLE.md).
 */
export const CHARGER_LIVE_STATE = Symbol('CHARGER_LIVE_STATE');
export const VEHICLE_LIVE_STATE = Symbol('VEHICLE_LIVE_STATE');
export const TASK_ENERGY = Symbol('TASK_ENERGY');

export interface ChargerLive {
  online: boolean;
  /** Last reported status per connector id; a connector never reported is absent. */
  connectors: Map<number, ConnectorStatus>;
  /** Set while the charger refuses Apron's charging profiles: the plan counts it as an uncontrolled load. */
  refusal?: { reason: string; since: Date };
}

/** A charging session in progress on a known connector. */
export interface SessionLive {
  id: string;
  chargePointId: string;
  connectorId: number;
  transactionId: string;
  /** The fleet vehicle it charges (its id), null for a public EV. */
  vehicleId: string | null;
  /** What a public EV's charging needs (ISO 15118) say, where it sent them. */
  needs: Omit<PublicSessionState, 'id' | 'chargePointId' | 'connectorId'>;
}

export interface ChargerLiveState {
  /** Connection and connector status of these chargers, one read for all. */
  chargers(chargePointIds: string[]): Promise<Map<string, ChargerLive>>;
  /** Sessions in progress at the site, fleet vehicles' and public EVs', latest started first, one read. */
  sessions(siteId: string): Promise<SessionLive[]>;
  /** Each charger's metered power from readings since `since`, kW; a charger without one is absent. */
  meteredKw(chargePointIds: string[], since: Date): Promise<Map<string, number>>;
}

export interface VehicleLive {
  socPercent: number;
  socUncertaintyPercent: number;
  busyUntil?: Date;
}

/** The records the tick reads once and hands to SoC tracking. */
export interface FleetRecordsRead {
  vehicles: Vehicle[];
  /** From a day before now to two days after, at least. */
  tasks: TransferTask[];
  assignments: TaskAssignmentRow[];
}

export interface VehicleLiveState {
  /**
   * `vehicles`: keyed by fleet number; a vehicle without an estimate is absent. A vehicle is busy (`busyUntil`) from
   * when it left for an assigned task: `departureLeadMinutes` before the task's start. `vehiclesLeftByTask`: fleet
   * numbers recorded (dispatcher, telematics) as serving each task, by task id: the vehicles that left for it.
   */
  vehicleStates(
    records: FleetRecordsRead,
    now: Date,
    departureLeadMinutes?: number,
  ): Promise<{ vehicles: Map<string, VehicleLive>; vehiclesLeftByTask: Map<string, string[]> }>;
}

/** Energy per vehicle for a task that does not state it (learned consumption, else configured). */
export interface TaskEnergy {
  taskEnergyKwh(
    task: { siteId: string; energyKwhPerVehicle: number | null; distanceKm: number | null },
    vehicleType: string,
    vehicle: undefined,
    siteVehicles: Vehicle[],
  ): Promise<{ energyKwh: number }>;
}
