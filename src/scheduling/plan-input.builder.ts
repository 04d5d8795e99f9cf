import type { ChargerInput, PlanInput, SessionInput, SlotGroupInput, TaskInput, VehicleInput } from '@apron/planner';
import { priceStepsUtc } from '../sites/tariff-schedule';
import { safeDefaultKw } from './safe-default-limit';
import { ChargerState, ConnectorStatus, SiteSnapshot, TaskState, VehicleState } from './site-snapshot';
import { UncontrolledCharger, uncontrolledChargers } from './uncontrolled-load';

export interface PlanInputOptions {
  horizonHours: number;
  nearSlotMinutes: number;
  nearSlotCount: number;
  farSlotMinutes: number;
  /** The planner sees SoC minus this many sigmas of uncertainty, so an unsure estimate errs on the safe side. */
  socSafetySigmas: number;
  /** Assumed for public EVs that did not say (no ISO 15118 charging needs). */
  sessionDefaults: { batteryKwh: number; socPercent: number; targetSocPercent: number; dwellMinutes: number };
}

export const DEFAULT_PLAN_INPUT_OPTIONS: PlanInputOptions = {
  horizonHours: 24,
  nearSlotMinutes: 5,
  nearSlotCount: 24,
  farSlotMinutes: 15,
  socSafetySigmas: 1,
  sessionDefaults: { batteryKwh: 60, socPercent: 30, targetSocPercent: 80, dwellMinutes: 45 },
};

export interface PlanInputBuild {
  input: PlanInput;
  /** What the builder left out and why, for the plan's log and the dispatcher's alerts. */
  notes: string[];
  /** Chargers that refuse Apron's profiles: left out of the plan, their draw counted in the site's base load. */
  uncontrolled: UncontrolledCharger[];
}

const MINUTE_MS = 60_000;
const USABLE: ReadonlySet<ConnectorStatus> = new Set([
  'Available',
  'Preparing',
  'Charging',
  'SuspendedEV',
  'SuspendedEVSE',
  'Finishing',
  'Occupied',
]);

const iso = (ms: number) => new Date(ms).toISOString();

/** Live state of one site → scenario format v1 (DESIGN.md §5). Pure: same snapshot, same input. */
export function buildPlanInput(
  snapshot: SiteSnapshot,
  options: PlanInputOptions = DEFAULT_PLAN_INPUT_OPTIONS,
): PlanInputBuild {
  const notes: string[] = [];
  const startMs = floorTo(snapshot.now.getTime(), options.nearSlotMinutes * MINUTE_MS);
  const slots = slotGroups(options);
  const endMs = startMs + slots.reduce((sum, group) => sum + group.minutes * group.count, 0) * MINUTE_MS;
  const uncontrolled = uncontrolledChargers(snapshot);
  const usableConnectors = usableConnectorsByCharger(snapshot.chargers, uncontrolled, notes);
  const chargers = chargerInputs(snapshot.chargers, usableConnectors);
  const vehicles = snapshot.vehicles
    .filter((vehicle) => keepVehicle(vehicle, notes))
    .map((vehicle) => vehicleInput(vehicle, startMs, snapshot.now.getTime(), usableConnectors, options, notes));
  const nowMs = snapshot.now.getTime();
  const leadMs = snapshot.site.departureLeadMinutes * MINUTE_MS;
  const tasks = unpinClashes(
    snapshot.tasks.flatMap((task) => taskInputAt(task, leadMs, startMs, endMs, nowMs, notes) ?? []),
    notes,
  );
  const sessions = snapshot.sessions
    .filter((session) => usableConnectors.get(session.chargePointId)?.has(session.connectorId))
    .map((session) => sessionInput(session, nowMs, options));
  const pricePerKwh = priceStepsUtc(
    snapshot.site.tariff,
    snapshot.site.timeZone,
    new Date(startMs),
    new Date(endMs),
  ).map(({ from, price }) => ({ from, price }));
  const { site } = snapshot;
  const uncontrolledKw = uncontrolled.reduce((sum, charger) => sum + charger.countedKw, 0);
  const baseLoadKw = Math.min(site.gridLimitKw, site.baseLoadKw + offlineReserveKw(snapshot, notes) + uncontrolledKw);
  return {
    input: {
      version: 1,
      site: {
        id: site.code,
        kind: site.kind,
        gridLimitKw: site.gridLimitKw,
        baseLoadKw,
        demandChargePerKw: site.demandChargePerKw,
      },
      start: iso(startMs),
      slots,
      pricePerKwh,
      chargers,
      vehicles,
      tasks,
      sessions,
    },
    notes,
    uncontrolled,
  };
}

/**
 * An offline charger may still be charging: its last plan profile holds until it expires, then its safe default
 * share applies. The plan keeps that much of the grid connection back for it, as if it were base load.
 */
function offlineReserveKw(snapshot: SiteSnapshot, notes: string[]): number {
  const { site, chargers } = snapshot;
  let reserveKw = 0;
  for (const charger of chargers.filter((c) => !c.online)) {
    const shareKw = safeDefaultKw({
      gridLimitKw: site.gridLimitKw,
      baseLoadKw: site.baseLoadKw,
      chargersAtSite: chargers.length,
      charger: { maxKw: charger.maxKw },
    });
    const chargerReserveKw = Math.min(charger.maxKw, Math.max(shareKw, charger.lastPlannedKw ?? 0));
    if (chargerReserveKw > 0) {
      notes.push(
        `charger ${charger.chargePointId} is offline: ${round(chargerReserveKw)} kW held back for what it may still draw`,
      );
    }
    reserveKw += chargerReserveKw;
  }
  return reserveKw;
}

function floorTo(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

function slotGroups(options: PlanInputOptions): SlotGroupInput[] {
  const nearMinutes = options.nearSlotMinutes * options.nearSlotCount;
  const farCount = Math.max(0, Math.ceil((options.horizonHours * 60 - nearMinutes) / options.farSlotMinutes));
  const groups = [{ minutes: options.nearSlotMinutes, count: options.nearSlotCount }];
  if (farCount > 0) groups.push({ minutes: options.farSlotMinutes, count: farCount });
  return groups;
}

/**
 * Faulted, unavailable and offline connectors are left out (DESIGN.md §3 step 1), and so are chargers that refuse
 * Apron's profiles: the plan cannot limit them, so their vehicles and sessions are not planned on them and their draw
 * is fixed load (issue 15).
 */
function usableConnectorsByCharger(
  chargers: ChargerState[],
  uncontrolled: UncontrolledCharger[],
  notes: string[],
): Map<string, Set<number>> {
  const usable = new Map<string, Set<number>>();
  for (const charger of chargers) {
    if (!charger.online) {
      notes.push(`charger ${charger.chargePointId} is offline: left out of the plan`);
      continue;
    }
    const refusing = uncontrolled.find((candidate) => candidate.chargePointId === charger.chargePointId);
    if (refusing) {
      notes.push(
        `charger ${charger.chargePointId} refuses Apron's charging profiles (${refusing.reason}): left out of the ` +
          `plan, its draw counted as ${refusing.countedKw} kW of base load`,
      );
      continue;
    }
    const ids = charger.connectors.filter((c) => USABLE.has(c.status)).map((c) => c.connectorId);
    const dropped = charger.connectors.filter((c) => !USABLE.has(c.status));
    for (const connector of dropped) {
      notes.push(`connector ${charger.chargePointId}/${connector.connectorId} is ${connector.status}: left out`);
    }
    if (ids.length > 0) usable.set(charger.chargePointId, new Set(ids));
  }
  return usable;
}

function chargerInputs(chargers: ChargerState[], usable: Map<string, Set<number>>): ChargerInput[] {
  return chargers
    .filter((charger) => usable.has(charger.chargePointId))
    .map((charger) => {
      const ids = usable.get(charger.chargePointId)!;
      const connectors = charger.connectors.filter((c) => ids.has(c.connectorId));
      const maxKwPerConnector = Math.max(...connectors.map((c) => c.maxKw));
      return {
        id: charger.chargePointId,
        connectors: connectors.length,
        maxKwPerConnector,
        maxKw: Math.min(charger.maxKw, maxKwPerConnector * connectors.length),
      };
    });
}

function keepVehicle(vehicle: VehicleState, notes: string[]): boolean {
  if (!vehicle.inService) notes.push(`vehicle ${vehicle.fleetNumber} is out of service: left out`);
  return vehicle.inService;
}

function vehicleInput(
  vehicle: VehicleState,
  startMs: number,
  nowMs: number,
  usable: Map<string, Set<number>>,
  options: PlanInputOptions,
  notes: string[],
): VehicleInput {
  const plugged = vehicle.plugged;
  const pluggedUsable = plugged && usable.get(plugged.chargePointId)?.has(plugged.connectorId);
  // The plan starts at the current slot's start, before now, and credits the whole first slot's charging: the SoC it
  // starts from is the one at that instant, without what the vehicle has charged since (else it leaves for its next
  // task with less than planned, by up to a slot of charging). Known only since the last plan was applied, at its power.
  const chargedFromMs = Math.max(startMs, vehicle.charging?.since.getTime() ?? nowMs);
  const chargedSinceStartKwh = pluggedUsable
    ? ((vehicle.charging?.kw ?? 0) * vehicle.chargeEfficiency * Math.max(0, nowMs - chargedFromMs)) / 3_600_000
    : 0;
  const socAtStart = vehicle.socPercent - (chargedSinceStartKwh / vehicle.batteryKwh) * 100;
  const conservativeSoc = socAtStart - options.socSafetySigmas * vehicle.socUncertaintyPercent;
  if (plugged && !pluggedUsable) {
    notes.push(
      `vehicle ${vehicle.fleetNumber} is plugged into unusable ${plugged.chargePointId}: planned as unplugged`,
    );
  }
  const busyUntilMs = vehicle.busyUntil?.getTime();
  return {
    id: vehicle.fleetNumber,
    type: vehicle.type,
    batteryKwh: vehicle.batteryKwh,
    socPercent: round(Math.min(100, Math.max(0, conservativeSoc))),
    minSocPercent: vehicle.minSocPercent,
    maxSocPercent: vehicle.maxSocPercent,
    maxChargeKw: vehicle.maxChargeKw,
    chargeEfficiency: vehicle.chargeEfficiency,
    turnaroundMinutes: vehicle.turnaroundMinutes,
    ...(busyUntilMs !== undefined && busyUntilMs > startMs ? { availableFrom: iso(busyUntilMs) } : {}),
    ...(pluggedUsable ? { pluggedInto: plugged.chargePointId } : {}),
  };
}

/**
 * Only planned tasks whose vehicles leave inside the horizon; the planner's task runs from the departure (the site's
 * lead before its start) to its end, with the same energy. One that has started is left out (its vehicles are on it;
 * one still due without a vehicle is an alert, not a plan). One whose departure is past but whose start is not is
 * handled like a task in progress for the vehicles that left for it (not planned again; fleet state keeps them busy);
 * the vehicles still to leave are planned to leave now: late to the stand is better than no bus.
 */
function taskInputAt(task: TaskState, leadMs: number, startMs: number, endMs: number, nowMs: number, notes: string[]) {
  if (task.status !== 'planned') return null;
  const taskStartMs = task.start.getTime();
  const departMs = taskStartMs - leadMs;
  if (taskStartMs < nowMs) {
    if (task.end.getTime() > nowMs) notes.push(`task ${task.flightRef} started before this plan: not planned`);
    return null;
  }
  if (departMs >= nowMs) return departMs < endMs ? taskInput(task, departMs) : null;
  const missing = task.vehiclesNeeded - task.vehiclesLeft.length;
  const due = `due to leave at ${iso(departMs)}`;
  if (missing <= 0) {
    notes.push(`task ${task.flightRef}: its vehicles left (${due}): not planned`);
    return null;
  }
  notes.push(`task ${task.flightRef}: ${missing} of ${task.vehiclesNeeded} vehicle(s) still to leave (${due})`);
  const stillToLeave = taskInput(task, Math.max(departMs, startMs));
  return {
    ...stillToLeave,
    vehiclesNeeded: missing,
    pinnedVehicles: task.pinnedVehicles.filter((id) => !task.vehiclesLeft.includes(id)),
  };
}

function taskInput(task: TaskState, departMs: number): TaskInput {
  return {
    id: task.flightRef,
    vehicleType: task.vehicleType,
    vehiclesNeeded: task.vehiclesNeeded,
    start: iso(departMs),
    end: task.end.toISOString(),
    energyKwhPerVehicle: task.energyKwhPerVehicle,
    pinnedVehicles: task.pinnedVehicles,
    forbiddenVehicles: task.forbiddenVehicles,
  };
}

/**
 * Pins the dispatcher set on back-to-back tasks can overlap once the departure lead moves each start earlier: a
 * vehicle cannot leave for the later task before it is back from the earlier one. The earlier pin stands; the later
 * task is planned without that pin (the planner may still give it the vehicle if it fits) and the note says why.
 */
function unpinClashes(tasks: TaskInput[], notes: string[]): TaskInput[] {
  const pinnedUntilMs = new Map<string, { taskId: string; endMs: number }[]>();
  const byStart = [...tasks].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const unpinned = new Map<string, Set<string>>();
  for (const task of byStart) {
    const startMs = Date.parse(task.start);
    for (const vehicleId of task.pinnedVehicles ?? []) {
      const held = pinnedUntilMs.get(vehicleId) ?? [];
      const clash = held.find((other) => other.endMs > startMs);
      if (clash) {
        unpinned.set(task.id, (unpinned.get(task.id) ?? new Set()).add(vehicleId));
        notes.push(
          `task ${task.id}: pinned ${vehicleId} is on task ${clash.taskId} when it must leave: planned without the pin`,
        );
        continue;
      }
      pinnedUntilMs.set(vehicleId, [...held, { taskId: task.id, endMs: Date.parse(task.end) }]);
    }
  }
  return tasks.map((task) => {
    const dropped = unpinned.get(task.id);
    return dropped ? { ...task, pinnedVehicles: task.pinnedVehicles!.filter((id) => !dropped.has(id)) } : task;
  });
}

function sessionInput(
  session: SiteSnapshot['sessions'][number],
  nowMs: number,
  options: PlanInputOptions,
): SessionInput {
  const defaults = options.sessionDefaults;
  const departureMs = session.departure?.getTime() ?? nowMs + defaults.dwellMinutes * MINUTE_MS;
  return {
    id: session.id,
    chargerId: session.chargePointId,
    batteryKwh: session.batteryKwh ?? defaults.batteryKwh,
    socPercent: session.socPercent ?? defaults.socPercent,
    targetSocPercent: session.targetSocPercent ?? defaults.targetSocPercent,
    // A car already past its announced departure still charges until it leaves: give it the next slots.
    departure: iso(Math.max(departureMs, nowMs + options.nearSlotMinutes * MINUTE_MS)),
    ...(session.maxChargeKw !== undefined ? { maxChargeKw: session.maxChargeKw } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
