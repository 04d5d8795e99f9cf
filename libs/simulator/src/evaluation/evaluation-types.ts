import type { ChargerInput, PlanInput, SessionInput, TaskInput, VehicleInput } from '@apron/planner';

/** A public EV that plugs in at `arrivalMinutes` and leaves at `departureMinutes` (minutes after the day's start). */
export interface SessionArrival {
  session: SessionInput;
  arrivalMinutes: number;
  departureMinutes: number;
}

/** One day at one site: the static scenario (fleet, tasks, chargers, tariff, grid) plus public arrivals. */
export interface SiteDay {
  base: PlanInput;
  arrivals: SessionArrival[];
  dayMinutes: number;
  stepMinutes: number;
}

export interface VehicleState {
  spec: VehicleInput;
  energyKwh: number;
  minKwh: number;
  maxKwh: number;
  /** Away on a task (or its turnaround) until this minute; idle from then on. */
  busyUntilMinutes: number;
  chargerId?: string;
  /** Order in which it plugged in (first come, first served). */
  pluggedAtMinutes?: number;
}

export interface SessionState {
  spec: SessionInput;
  arrivalMinutes: number;
  departureMinutes: number;
  energyKwh: number;
  targetKwh: number;
}

export type TaskStatus = 'open' | 'onTime' | 'delayed' | 'unserved';

export interface TaskState {
  spec: TaskInput;
  startMinutes: number;
  durationMinutes: number;
  vehiclesNeeded: number;
  energyKwhPerVehicle: number;
  status: TaskStatus;
  /** Minute the vehicles actually left (start + delay). */
  departedAtMinutes?: number;
  vehicleIds: string[];
}

/** What a policy sees at the start of a step: read-only state, the time, the grid limit it should respect. */
export interface StepView {
  minutes: number;
  stepMinutes: number;
  startIso: string;
  site: PlanInput['site'];
  chargers: ChargerInput[];
  pricePerKwh: PlanInput['pricePerKwh'];
  vehicles: readonly VehicleState[];
  sessions: readonly SessionState[];
  /** Tasks not yet started; those with `startMinutes` ≤ `minutes` are due now (or late). */
  openTasks: readonly TaskState[];
  /** Physical charging limit of every plugged vehicle or present session this step (kW, taper included). */
  limitKw: ReadonlyMap<string, number>;
}

export interface Decision {
  /** Vehicles that leave now for a due task (all of a task's vehicles at once, or none). */
  assignments: { taskId: string; vehicleIds: string[] }[];
  /** Requested grid-side kW per vehicle or session id; missing means 0. */
  powerKw: Map<string, number>;
}

export interface Policy {
  readonly name: string;
  decide(view: StepView): Decision | Promise<Decision>;
  /** Solve times (ms) of the policy's optimiser, if it has one. */
  readonly solveMs?: readonly number[];
  dispose?(): Promise<void>;
}

/** One step of the day, site-wide. */
export interface StepRecord {
  minutes: number;
  chargingKw: number;
  gridKw: number;
  gridLimitKw: number;
  pricePerKwh: number;
}

/** One applied charging value (recorded when tracing, for invariant checks). */
export interface ChargeRecord {
  id: string;
  chargerId: string;
  minutes: number;
  kw: number;
  limitKw: number;
}

export interface EnergyLedger {
  id: string;
  startKwh: number;
  endKwh: number;
  chargedKwh: number;
  drivenKwh: number;
}

export interface RunKpis {
  policy: string;
  gridLimitKw: number;
  tasks: number;
  tasksOnTime: number;
  tasksOnTimePercent: number;
  tasksDelayed: number;
  tasksUnserved: number;
  lowestSocPercent: number;
  publicRequiredKwh: number;
  publicUndeliveredKwh: number;
  publicUndeliveredPercent: number;
  energyKwh: number;
  energyCost: number;
  /** Fleet stored energy at the end minus at the start (kWh): a plan that charges less ends the day emptier. */
  fleetEnergyChangeKwh: number;
  /** `energyCost` minus the fleet's energy change valued at the cheapest tariff price (refilled overnight). */
  costAdjusted: number;
  peakKw: number;
  minutesOverLimit: number;
  solveMsMean: number;
  solveMsMax: number;
}

export interface RunResult {
  kpis: RunKpis;
  steps: StepRecord[];
  ledger: EnergyLedger[];
  charges: ChargeRecord[];
  tasks: TaskState[];
}
