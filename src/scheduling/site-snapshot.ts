import type { LiveSession } from './profile-commands';
import { SiteKind, Tariff } from '../sites/site.entity';

/**
 * Everything one scheduling tick knows about a site, as plain data read from the database and the
 * live OCPP state. The plan-input builder turns it into scenario format v1 without touching I/O.
 */
export interface SiteSnapshot {
  now: Date;
  site: {
    code: string;
    kind: SiteKind;
    timeZone: string;
    gridLimitKw: number;
    baseLoadKw: number;
    demandChargePerKw: number;
    tariff: Tariff;
    /** A task's vehicles leave the depot this many minutes before it starts (pull-out); no charging then. */
    departureLeadMinutes: number;
  };
  chargers: ChargerState[];
  vehicles: VehicleState[];
  tasks: TaskState[];
  /** Public EVs charging. */
  sessions: PublicSessionState[];
  /** Every session in progress on a known connector, fleet and public: where the plan's profiles go. */
  chargingSessions: LiveSession[];
}

/** OCPP connector states; the planner may only use connectors that can deliver energy. */
export type ConnectorStatus =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEV'
  | 'SuspendedEVSE'
  | 'Finishing'
  | 'Reserved'
  | 'Occupied'
  | 'Unavailable'
  | 'Faulted'
  | 'Unknown';

export interface ChargerState {
  chargePointId: string;
  maxKw: number;
  online: boolean;
  connectors: { connectorId: number; maxKw: number; status: ConnectorStatus }[];
  /** What the last applied plan lets this charger draw now, kW, its share of the headroom included (its profiles outlive a lost connection). */
  lastPlannedKw?: number;
  /** Set while the charger refuses Apron's charging profiles (Rejected, or a CALLERROR code such as NotImplemented). */
  refusal?: { reason: string; since: Date };
  /** What its meters read lately, kW; read only for a charger that refuses Apron's profiles. */
  meteredKw?: number;
}

export interface VehicleState {
  fleetNumber: string;
  type: string;
  batteryKwh: number;
  minSocPercent: number;
  maxSocPercent: number;
  maxChargeKw: number;
  chargeEfficiency: number;
  turnaroundMinutes: number;
  inService: boolean;
  socPercent: number;
  /** 1-sigma uncertainty of the estimate, percent points. */
  socUncertaintyPercent: number;
  /** Set while the vehicle is on a task (or otherwise away) until this time. */
  busyUntil?: Date;
  plugged?: { chargePointId: string; connectorId: number };
  /** What the last applied plan (applied at `since`) charges it at now: the power it has drawn since then. */
  charging?: { kw: number; since: Date };
}

export interface TaskState {
  flightRef: string;
  vehicleType: string;
  vehiclesNeeded: number;
  start: Date;
  end: Date;
  status: 'planned' | 'in_progress' | 'done' | 'cancelled';
  /** Resolved energy per vehicle: stated, or predicted from distance and learned consumption. */
  energyKwhPerVehicle: number;
  pinnedVehicles: string[];
  forbiddenVehicles: string[];
  /** Fleet numbers recorded as serving the task (dispatcher, telematics): the vehicles that left for it. */
  vehiclesLeft: string[];
}

export interface PublicSessionState {
  id: string;
  chargePointId: string;
  connectorId: number;
  /** From ISO 15118 charging needs (OCPP 2.0.1 NotifyEVChargingNeeds) where the car sent them. */
  batteryKwh?: number;
  socPercent?: number;
  targetSocPercent?: number;
  departure?: Date;
  maxChargeKw?: number;
}
