/** Result format (DESIGN.md §5, contract). */

export type PlanStatus = 'optimal' | 'feasible' | 'fallback' | 'infeasible';

export interface Assignment {
  taskId: string;
  vehicleId: string;
}

export interface UnservedTask {
  taskId: string;
  missingVehicles: number;
}

export interface VehicleChargingRow {
  vehicleId: string;
  chargerId: string;
  kw: number[];
}

export interface SessionChargingRow {
  sessionId: string;
  chargerId: string;
  kw: number[];
}

export type ChargingRow = VehicleChargingRow | SessionChargingRow;

export interface VehicleSocRow {
  vehicleId: string;
  percent: number[];
}

export interface SessionSocRow {
  sessionId: string;
  percent: number[];
}

export type SocRow = VehicleSocRow | SessionSocRow;

/**
 * Reported soft-bound violation (an extension of the contract: extra key, never required by readers).
 * `belowMin`: a vehicle under its reserve; `aboveMax`: over its ceiling (only when it started there);
 * `target`: a session short of its target SoC at departure (or at the horizon end, prorated).
 */
export interface SocShortfall {
  vehicleId?: string;
  sessionId?: string;
  kind: 'belowMin' | 'aboveMax' | 'target';
  /** Index of the slot boundary where the violation is largest. */
  boundary: number;
  /** Largest violation in percent points of the battery. */
  percent: number;
}

export interface PlanResult {
  status: PlanStatus;
  message: string;
  solveMs: number;
  objective: number;
  costTotal: number;
  peakKw: number;
  slotStarts: string[];
  assignments: Assignment[];
  unserved: UnservedTask[];
  charging: ChargingRow[];
  soc: SocRow[];
  sitePowerKw: number[];
  shortfalls?: SocShortfall[];
  /** Relative integrality gap of the applied plan against the LP bound (extension; absent on fallback). */
  gap?: number;
}
