import type { ChargerInput } from '@apron/planner';
import { chargeLimitKw } from './charge-limits';
import type {
  ChargeRecord,
  Decision,
  EnergyLedger,
  Policy,
  RunResult,
  SessionState,
  SiteDay,
  StepRecord,
  TaskState,
  VehicleState,
} from './evaluation-types';
import { computeKpis } from './kpis';
import { priceAt } from './site-day';
import { initialSessions, initialTasks, initialVehicles } from './initial-state';

export interface SimulateOptions {
  /** Record every applied charging value (for invariant checks; off for long runs). */
  trace?: boolean;
  /** A task not started this many minutes after its start is unserved (default 30). */
  maxDelayMinutes?: number;
}

interface Drive {
  vehicle: VehicleState;
  fromMinutes: number;
  toMinutes: number;
  kwhPerMinute: number;
}

/**
 * One day in fixed steps. Each step: sessions arrive/leave, returning vehicles plug into free connectors, the policy
 * decides, and physics is enforced here (limits, taper, charger maxKw, a vehicle on a task is away). The grid limit is
 * not enforced: the policy is responsible for it, and overruns are what the KPIs count.
 */
export async function simulateDay(day: SiteDay, policy: Policy, options: SimulateOptions = {}): Promise<RunResult> {
  const { base, stepMinutes } = day;
  const maxDelayMinutes = options.maxDelayMinutes ?? 30;
  const hours = stepMinutes / 60;
  const chargers = new Map(base.chargers.map((charger) => [charger.id, charger]));
  const vehicles = initialVehicles(base);
  const tasks = initialTasks(base, day.dayMinutes);
  const pending = initialSessions(day);
  const ledger = new Map<string, EnergyLedger>();
  for (const vehicle of vehicles) ledger.set(vehicle.spec.id, newLedger(vehicle.spec.id, vehicle.energyKwh));
  const publicRequiredKwh = pending.reduce((total, s) => total + Math.max(0, s.targetKwh - s.energyKwh), 0);
  let publicUndeliveredKwh = 0;
  let sessions: SessionState[] = [];
  const drives: Drive[] = [];
  const steps: StepRecord[] = [];
  const charges: ChargeRecord[] = [];
  const fleetStartKwh = vehicles.reduce((total, v) => total + v.energyKwh, 0);
  let lowestSocPercent = Math.min(100, ...vehicles.map(socPercent));

  for (let minutes = 0; minutes < day.dayMinutes; minutes += stepMinutes) {
    for (const session of sessions.filter((s) => s.departureMinutes <= minutes)) {
      publicUndeliveredKwh += Math.max(0, session.targetKwh - session.energyKwh);
      ledger.get(session.spec.id)!.endKwh = session.energyKwh;
    }
    sessions = sessions.filter((s) => s.departureMinutes > minutes);
    while (pending.length > 0 && pending[0].arrivalMinutes <= minutes) {
      const session = pending.shift()!;
      sessions.push(session);
      ledger.set(session.spec.id, newLedger(session.spec.id, session.energyKwh));
    }
    plugIdleVehicles(vehicles, sessions, base.chargers, minutes);
    for (const task of tasks) {
      if (task.status === 'open' && minutes - task.startMinutes > maxDelayMinutes) task.status = 'unserved';
    }

    const limitKw = new Map<string, number>();
    for (const vehicle of vehicles) {
      if (vehicle.chargerId === undefined || vehicle.busyUntilMinutes > minutes) continue;
      limitKw.set(vehicle.spec.id, vehicleLimitKw(vehicle, chargers.get(vehicle.chargerId)!, stepMinutes));
    }
    for (const session of sessions) {
      // A session leaving within the step charges only while present: its limit is a mean over the whole step.
      const presentShare = Math.min(1, (session.departureMinutes - minutes) / stepMinutes);
      limitKw.set(session.spec.id, presentShare * sessionLimitKw(session, chargers, stepMinutes));
    }

    const decision: Decision = await policy.decide({
      minutes,
      stepMinutes,
      startIso: base.start,
      site: base.site,
      chargers: base.chargers,
      pricePerKwh: base.pricePerKwh,
      vehicles,
      sessions,
      openTasks: tasks.filter((task) => task.status === 'open'),
      limitKw,
    });
    applyAssignments(decision, tasks, vehicles, minutes, stepMinutes, drives);

    const applied = limitedPower(decision, limitKw, vehicles, sessions, chargers);
    let chargingKw = 0;
    for (const [id, { kw, chargerId }] of applied) {
      chargingKw += kw;
      if (options.trace) charges.push({ id, chargerId, minutes, kw, limitKw: limitKw.get(id) ?? 0 });
    }
    for (const vehicle of vehicles) {
      const kw = applied.get(vehicle.spec.id)?.kw ?? 0;
      vehicle.energyKwh += (vehicle.spec.chargeEfficiency ?? 1) * kw * hours;
      ledger.get(vehicle.spec.id)!.chargedKwh += (vehicle.spec.chargeEfficiency ?? 1) * kw * hours;
    }
    for (const session of sessions) {
      const storedKwh = (session.spec.chargeEfficiency ?? 1) * (applied.get(session.spec.id)?.kw ?? 0) * hours;
      session.energyKwh += storedKwh;
      ledger.get(session.spec.id)!.chargedKwh += storedKwh;
    }
    for (const drive of drives) {
      const overlapMinutes = Math.min(drive.toMinutes, minutes + stepMinutes) - Math.max(drive.fromMinutes, minutes);
      if (overlapMinutes <= 0) continue;
      drive.vehicle.energyKwh -= drive.kwhPerMinute * overlapMinutes;
      ledger.get(drive.vehicle.spec.id)!.drivenKwh += drive.kwhPerMinute * overlapMinutes;
    }
    lowestSocPercent = Math.min(lowestSocPercent, ...vehicles.map(socPercent));
    const baseLoadKw = base.site.baseLoadKw ?? 0;
    steps.push({
      minutes,
      chargingKw,
      gridKw: chargingKw + baseLoadKw,
      gridLimitKw: base.site.gridLimitKw,
      pricePerKwh: priceAt(base, minutes),
    });
  }

  for (const session of sessions) publicUndeliveredKwh += Math.max(0, session.targetKwh - session.energyKwh);
  for (const vehicle of vehicles) ledger.get(vehicle.spec.id)!.endKwh = vehicle.energyKwh;
  for (const session of sessions) ledger.get(session.spec.id)!.endKwh = session.energyKwh;
  for (const task of tasks) if (task.status === 'open') task.status = 'unserved';

  const kpis = computeKpis({
    policy: policy.name,
    gridLimitKw: base.site.gridLimitKw,
    stepMinutes,
    steps,
    tasks,
    lowestSocPercent,
    publicRequiredKwh,
    publicUndeliveredKwh,
    solveMs: policy.solveMs ?? [],
    fleetEnergyChangeKwh: vehicles.reduce((total, v) => total + v.energyKwh, 0) - fleetStartKwh,
    refillPricePerKwh: Math.min(...base.pricePerKwh.map((step) => step.price)),
    refillEfficiency: meanEfficiency(vehicles),
  });
  return { kpis, steps, ledger: [...ledger.values()], charges, tasks };
}

function meanEfficiency(vehicles: VehicleState[]): number {
  if (vehicles.length === 0) return 1;
  return vehicles.reduce((total, v) => total + (v.spec.chargeEfficiency ?? 1), 0) / vehicles.length;
}

function newLedger(id: string, startKwh: number): EnergyLedger {
  return { id, startKwh, endKwh: startKwh, chargedKwh: 0, drivenKwh: 0 };
}

function socPercent(vehicle: VehicleState): number {
  return (100 * vehicle.energyKwh) / vehicle.spec.batteryKwh;
}

/** Idle vehicles without a connector take a free one (sessions keep theirs first), in id order. */
function plugIdleVehicles(
  vehicles: VehicleState[],
  sessions: SessionState[],
  chargers: ChargerInput[],
  minutes: number,
): void {
  const used = new Map<string, number>();
  const use = (chargerId: string) => used.set(chargerId, (used.get(chargerId) ?? 0) + 1);
  sessions.forEach((session) => use(session.spec.chargerId));
  vehicles.filter((vehicle) => vehicle.chargerId !== undefined).forEach((vehicle) => use(vehicle.chargerId!));
  for (const vehicle of vehicles) {
    if (vehicle.chargerId !== undefined || vehicle.busyUntilMinutes > minutes) continue;
    const free = chargers.find((charger) => (used.get(charger.id) ?? 0) < (charger.connectors ?? 1));
    if (!free) return;
    vehicle.chargerId = free.id;
    vehicle.pluggedAtMinutes = minutes;
    use(free.id);
  }
}

function vehicleLimitKw(vehicle: VehicleState, charger: ChargerInput, stepMinutes: number): number {
  return chargeLimitKw({
    energyKwh: vehicle.energyKwh,
    batteryKwh: vehicle.spec.batteryKwh,
    stopKwh: vehicle.maxKwh,
    maxChargeKw: vehicle.spec.maxChargeKw,
    connectorKw: charger.maxKwPerConnector,
    efficiency: vehicle.spec.chargeEfficiency ?? 1,
    stepMinutes,
  });
}

function sessionLimitKw(session: SessionState, chargers: Map<string, ChargerInput>, stepMinutes: number): number {
  const connectorKw = chargers.get(session.spec.chargerId)?.maxKwPerConnector ?? 0;
  return chargeLimitKw({
    energyKwh: session.energyKwh,
    batteryKwh: session.spec.batteryKwh,
    stopKwh: session.targetKwh,
    maxChargeKw: session.spec.maxChargeKw ?? connectorKw,
    connectorKw,
    efficiency: session.spec.chargeEfficiency ?? 1,
    stepMinutes,
  });
}

/** Valid assignments send their vehicles away now; invalid ones (busy, wrong type, too little energy) are ignored. */
function applyAssignments(
  decision: Decision,
  tasks: TaskState[],
  vehicles: VehicleState[],
  minutes: number,
  stepMinutes: number,
  drives: Drive[],
): void {
  const byId = new Map(vehicles.map((vehicle) => [vehicle.spec.id, vehicle]));
  for (const { taskId, vehicleIds } of decision.assignments) {
    const task = tasks.find((t) => t.spec.id === taskId);
    if (!task || task.status !== 'open' || task.startMinutes > minutes) continue;
    const chosen = [...new Set(vehicleIds)].map((id) => byId.get(id));
    const usable = chosen.every(
      (vehicle) =>
        vehicle !== undefined &&
        vehicle.busyUntilMinutes <= minutes &&
        vehicle.spec.type === task.spec.vehicleType &&
        vehicle.energyKwh >= task.energyKwhPerVehicle,
    );
    if (!usable || chosen.length !== task.vehiclesNeeded) continue;
    task.status = minutes - task.startMinutes < stepMinutes ? 'onTime' : 'delayed';
    task.departedAtMinutes = minutes;
    task.vehicleIds = chosen.map((vehicle) => vehicle!.spec.id);
    for (const vehicle of chosen as VehicleState[]) {
      vehicle.busyUntilMinutes = minutes + task.durationMinutes + (vehicle.spec.turnaroundMinutes ?? 0);
      vehicle.chargerId = undefined;
      vehicle.pluggedAtMinutes = undefined;
      const kwhPerMinute = task.durationMinutes > 0 ? task.energyKwhPerVehicle / task.durationMinutes : 0;
      drives.push({ vehicle, fromMinutes: minutes, toMinutes: minutes + task.durationMinutes, kwhPerMinute });
    }
  }
}

/** Requested kW clamped to each physical limit, then scaled down per charger to its maxKw. */
function limitedPower(
  decision: Decision,
  limitKw: Map<string, number>,
  vehicles: VehicleState[],
  sessions: SessionState[],
  chargers: Map<string, ChargerInput>,
): Map<string, { kw: number; chargerId: string }> {
  const applied = new Map<string, { kw: number; chargerId: string }>();
  for (const vehicle of vehicles) {
    const limit = limitKw.get(vehicle.spec.id);
    // A vehicle that just left for a task is no longer plugged in.
    if (limit === undefined || vehicle.chargerId === undefined) continue;
    const kw = Math.min(limit, Math.max(0, decision.powerKw.get(vehicle.spec.id) ?? 0));
    applied.set(vehicle.spec.id, { kw, chargerId: vehicle.chargerId });
  }
  for (const session of sessions) {
    const kw = Math.min(limitKw.get(session.spec.id) ?? 0, Math.max(0, decision.powerKw.get(session.spec.id) ?? 0));
    applied.set(session.spec.id, { kw, chargerId: session.spec.chargerId });
  }
  for (const charger of chargers.values()) {
    const rows = [...applied.values()].filter((row) => row.chargerId === charger.id);
    const totalKw = rows.reduce((total, row) => total + row.kw, 0);
    const maxKw = charger.maxKw ?? (charger.connectors ?? 1) * charger.maxKwPerConnector;
    if (totalKw > maxKw) rows.forEach((row) => (row.kw *= maxKw / totalKw));
  }
  return applied;
}
