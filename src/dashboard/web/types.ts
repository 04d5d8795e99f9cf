/** Shapes of the API responses the page reads (see /docs for the full documents). */

export interface SiteSummary {
  id: string;
  code: string;
  name: string;
  kind: string;
}

export interface DashboardView {
  at: string;
  site: SiteSummary & { timeZone: string; gridLimitKw: number; baseLoadKw: number; currency: string };
  plan: {
    planRunId: string;
    tickAt: string;
    applied: string;
    status: string;
    message: string;
    reason: string | null;
    boundaries: string[];
    sitePowerKw: number[];
    soc: { vehicleId?: string; sessionId?: string; percent: number[] }[];
    charging: { vehicleId?: string; sessionId?: string; chargerId: string; kw: number[] }[];
    costTotal: number;
    peakKw: number;
  } | null;
  tariffBands: { from: string; to: string; band: 'peak' | 'flat' | 'valley'; pricePerKwh: number }[];
  meteredPower: { bucketMinutes: number; points: { at: string; kw: number | null }[] };
  chargers: {
    id: string;
    chargePointId: string;
    maxKw: number;
    online: boolean;
    ocppVersion: string | null;
    lastSeenAt: string | null;
    connectors: { connectorId: number; maxKw: number; status: string | null; errorCode: string | null }[];
  }[];
}

export interface TaskRow {
  id: string;
  flightRef: string;
  vehicleType: string;
  vehiclesNeeded: number;
  start: string;
  end: string;
  status: string;
  pinnedVehicles: string[];
  forbiddenVehicles: string[];
  /** Recorded as serving it: the vehicles that left for it (a task they all left is out of the plan). */
  vehiclesLeft: string[];
  inPlan: boolean;
  assigned: { vehicle: string; predictedSocPercentAtStart: number | null; belowReserve: boolean }[];
  missingVehicles: number;
  atRisk: boolean;
  riskReasons: string[];
  /** The flight it serves (DESIGN.md §8); null for an ad-hoc task. */
  flight?: TaskFlight | null;
}

export interface TaskFlight {
  flight: string;
  direction: string;
  stand: string | null;
  scheduledTime: string;
  delayMinutes: number;
  status: string;
}

export interface VehicleRow {
  id: string;
  fleetNumber: string;
  type: string;
  inService: boolean;
  minSocPercent: number;
  socPercentEstimate: number | null;
  socUncertaintyPercent: number | null;
  status: string;
  pluggedInto: string | null;
  nextAssignment: { taskId: string; start: string; end: string } | null;
  nextCharge: { text: string } | null;
}

export interface AlertRow {
  code: string;
  severity: 'warning' | 'critical';
  message: string;
  at?: string;
}

/** Everything drawn for one site, fetched together. */
export interface SiteData {
  view: DashboardView;
  tasks: TaskRow[];
  vehicles: VehicleRow[];
  alerts: { current: AlertRow[]; recent: AlertRow[] };
}
