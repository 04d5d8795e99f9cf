import { EffectivePlan, boundariesMs, reservePercent, round1, slotIndexAt } from './plan-timeline';
import { assessTask, SOC_EPSILON_PERCENT } from './task-assessment';

export const DISPATCH_ALERT_CODES = [
  'task-at-risk',
  'vehicle-below-reserve',
  'charger-offline',
  'charger-faulted',
  'charger-uncontrolled',
  'site-near-limit',
  'plan-fallback',
  'plan-kept-last',
] as const;
export type DispatchAlertCode = (typeof DISPATCH_ALERT_CODES)[number];

export interface DispatchAlert {
  code: DispatchAlertCode;
  severity: 'warning' | 'critical';
  message: string;
  taskId?: string;
  vehicleId?: string;
  chargerId?: string;
  connectorId?: number;
  /** When the condition bites (task start, slot start); absent for conditions that hold now. */
  at?: string;
}

export interface ChargerHealth {
  chargePointId: string;
  online: boolean;
  faultedConnectors: number[];
  /** Set while the charger refuses Apron's charging profiles: why, and the most it may draw (what the plan counts). */
  uncontrolled?: { reason: string; fullKw: number };
}

export interface VehicleReserve {
  fleetNumber: string;
  inService: boolean;
  minSocPercent: number;
  /** The live estimate (fleet state); null when the vehicle has none. */
  socPercent: number | null;
}

export interface AlertInputs {
  plan: EffectivePlan | null;
  /** The latest run: what was applied and why. */
  latest: { applied: 'new' | 'kept-last' | 'fallback'; reason: string | null } | null;
  chargers: ChargerHealth[];
  vehicles?: VehicleReserve[];
  nowMs: number;
}

export interface AlertOptions {
  /** Share of the grid limit at which a planned slot counts as near the limit. */
  nearLimitShare: number;
  /** How far ahead "near" slots reach. */
  nearWindowMinutes: number;
}

export const DEFAULT_ALERT_OPTIONS: AlertOptions = { nearLimitShare: 0.95, nearWindowMinutes: 60 };

/** Current alerts of a site from its plan and the live charger state; pure. */
export function deriveAlerts(inputs: AlertInputs, options: AlertOptions = DEFAULT_ALERT_OPTIONS): DispatchAlert[] {
  const belowNow = liveReserveAlerts(inputs.vehicles ?? []);
  const alertedVehicles = new Set(belowNow.map((alert) => alert.vehicleId));
  const predicted = inputs.plan ? reserveAlerts(inputs.plan, inputs.nowMs) : [];
  return [
    ...planSourceAlerts(inputs.latest),
    ...chargerAlerts(inputs.chargers),
    ...(inputs.plan ? taskAlerts(inputs.plan, inputs.nowMs) : []),
    ...belowNow,
    ...predicted.filter((alert) => !alertedVehicles.has(alert.vehicleId)),
    ...(inputs.plan ? siteLimitAlerts(inputs.plan, inputs.nowMs, options) : []),
  ];
}

/** In-service vehicles whose live SoC estimate is below their reserve now. */
function liveReserveAlerts(vehicles: VehicleReserve[]): DispatchAlert[] {
  return vehicles
    .filter((v) => v.inService && v.socPercent !== null && v.socPercent < v.minSocPercent - SOC_EPSILON_PERCENT)
    .map((vehicle) => ({
      code: 'vehicle-below-reserve',
      severity: 'critical',
      message: `vehicle ${vehicle.fleetNumber} is at ${round1(vehicle.socPercent!)} % now (reserve ${vehicle.minSocPercent} %)`,
      vehicleId: vehicle.fleetNumber,
    }));
}

function planSourceAlerts(latest: AlertInputs['latest']): DispatchAlert[] {
  if (!latest || latest.applied === 'new') return [];
  const code = latest.applied === 'fallback' ? 'plan-fallback' : 'plan-kept-last';
  return [{ code, severity: 'critical', message: latest.reason ?? `plan ${latest.applied}` }];
}

function chargerAlerts(chargers: ChargerHealth[]): DispatchAlert[] {
  return [...chargers.flatMap(connectionAlerts), ...chargers.flatMap(uncontrolledAlerts)];
}

/** One alert per charger that does not obey, for as long as it does not (issue 15). */
function uncontrolledAlerts(charger: ChargerHealth): DispatchAlert[] {
  if (!charger.uncontrolled) return [];
  const { reason, fullKw } = charger.uncontrolled;
  const message =
    `charger ${charger.chargePointId} refuses Apron's power limits (${reason}): counted at its full ${fullKw} kW ` +
    'while a vehicle is on it, and asked again later';
  return [{ code: 'charger-uncontrolled', severity: 'warning', message, chargerId: charger.chargePointId }];
}

function connectionAlerts(charger: ChargerHealth): DispatchAlert[] {
  if (!charger.online) {
    const message = `charger ${charger.chargePointId} is offline`;
    return [{ code: 'charger-offline', severity: 'warning', message, chargerId: charger.chargePointId }];
  }
  return charger.faultedConnectors.map((connector) => ({
    code: 'charger-faulted',
    severity: 'warning',
    message: `charger ${charger.chargePointId} connector ${connector} is faulted`,
    chargerId: charger.chargePointId,
    connectorId: connector,
  }));
}

function taskAlerts(plan: EffectivePlan, nowMs: number): DispatchAlert[] {
  return (plan.input.tasks ?? [])
    .filter((task) => Date.parse(task.end) > nowMs)
    .flatMap((task): DispatchAlert[] => {
      const assessment = assessTask(plan, task.id, Date.parse(task.start));
      if (!assessment.atRisk) return [];
      const message = `task ${task.id} at risk: ${assessment.riskReasons.join('; ')}`;
      const severity = assessment.missingVehicles > 0 ? 'critical' : 'warning';
      return [{ code: 'task-at-risk', severity, message, taskId: task.id, at: task.start }];
    });
}

/** A vehicle whose planned SoC falls below its reserve anywhere from now to the horizon. */
function reserveAlerts(plan: EffectivePlan, nowMs: number): DispatchAlert[] {
  const boundaries = boundariesMs(plan.input);
  const from = Math.max(0, slotIndexAt(boundaries, nowMs));
  return plan.result.soc.flatMap((row): DispatchAlert[] => {
    if (!('vehicleId' in row)) return [];
    const reserve = reservePercent(plan, row.vehicleId);
    if (reserve === null) return [];
    let lowest = from;
    for (let i = from; i < row.percent.length; i++) if (row.percent[i] < row.percent[lowest]) lowest = i;
    const percent = row.percent[lowest];
    if (percent === undefined || percent >= reserve - SOC_EPSILON_PERCENT) return [];
    const at = new Date(boundaries[lowest]).toISOString();
    const message = `vehicle ${row.vehicleId} falls to ${round1(percent)} % (reserve ${reserve} %) at ${at}`;
    return [{ code: 'vehicle-below-reserve', severity: 'warning', message, vehicleId: row.vehicleId, at }];
  });
}

/** Planned charging plus base load at or above the near-limit share of the grid limit in a near slot. */
function siteLimitAlerts(plan: EffectivePlan, nowMs: number, options: AlertOptions): DispatchAlert[] {
  const boundaries = boundariesMs(plan.input);
  const { gridLimitKw, baseLoadKw = 0 } = plan.input.site;
  const thresholdKw = gridLimitKw * options.nearLimitShare;
  const endMs = nowMs + options.nearWindowMinutes * 60_000;
  for (let slot = Math.max(0, slotIndexAt(boundaries, nowMs)); slot < plan.result.sitePowerKw.length; slot++) {
    if (boundaries[slot] >= endMs) break;
    const totalKw = plan.result.sitePowerKw[slot] + baseLoadKw;
    if (totalKw >= thresholdKw) {
      const at = new Date(boundaries[slot]).toISOString();
      const share = Math.round((totalKw / gridLimitKw) * 100);
      const message = `site at ${round1(totalKw)} kW of its ${gridLimitKw} kW grid limit (${share} %) from ${at}`;
      return [{ code: 'site-near-limit', severity: 'warning', message, at }];
    }
  }
  return [];
}
