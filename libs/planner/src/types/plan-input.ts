/** Scenario format v1 (DESIGN.md §5, contract): the planner's input and the test/bench scenario file. */

export type SiteKind = 'airport' | 'highway';

export interface SiteInput {
  id: string;
  kind: SiteKind;
  gridLimitKw: number;
  baseLoadKw?: number;
  demandChargePerKw?: number;
}

/** `count` slots of `minutes` each; slot groups run back to back from `start`. */
export interface SlotGroupInput {
  minutes: number;
  count: number;
}

/** Step function: each entry holds from `from` until the next entry. */
export interface PriceStepInput {
  from: string;
  price: number;
}

export interface ChargerInput {
  id: string;
  connectors?: number;
  maxKwPerConnector: number;
  maxKw?: number;
}

export interface VehicleInput {
  id: string;
  type: string;
  batteryKwh: number;
  socPercent: number;
  minSocPercent?: number;
  maxSocPercent?: number;
  maxChargeKw: number;
  chargeEfficiency?: number;
  availableFrom?: string;
  pluggedInto?: string;
  turnaroundMinutes?: number;
}

export interface TaskInput {
  id: string;
  vehicleType: string;
  vehiclesNeeded?: number;
  start: string;
  end: string;
  energyKwhPerVehicle?: number;
  pinnedVehicles?: string[];
  forbiddenVehicles?: string[];
}

export interface SessionInput {
  id: string;
  chargerId: string;
  batteryKwh: number;
  socPercent: number;
  targetSocPercent?: number;
  departure: string;
  maxChargeKw?: number;
  chargeEfficiency?: number;
}

export interface PlanInput {
  version: 1;
  site: SiteInput;
  start: string;
  slots: SlotGroupInput[];
  pricePerKwh: PriceStepInput[];
  chargers: ChargerInput[];
  vehicles?: VehicleInput[];
  tasks?: TaskInput[];
  sessions?: SessionInput[];
}
