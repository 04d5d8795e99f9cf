import type { PlanInput, PlanResult } from '@apron/planner';
import type { PowerSlot } from '@apron/ocpp-model';
import { boundariesMs } from './plan-slots';

/** A charging session in progress, as the OCPP side knows it. */
export interface LiveSession {
  /** Our session id (the planner's `sessionId` for public EVs). */
  sessionId: string;
  chargePointId: string;
  evseId: number;
  transactionId: string;
  /** Set when the session is linked to a fleet vehicle. */
  fleetNumber?: string;
}

export interface ProfileCommand {
  chargePointId: string;
  purpose: 'StationMax' | 'Tx';
  evseId: number;
  profileId: number;
  transactionId?: string;
  slots: PowerSlot[];
  /** Same signature, same profile: only changed profiles need sending. */
  signature: string;
}

export interface ProfileCommandOptions {
  /** How far ahead a profile reaches; beyond it the next tick's profile takes over. */
  lookaheadMinutes: number;
}

/** Stack level 0 holds the safe default set at boot; plan profiles sit above it and expire. */
export const PLAN_STACK_LEVEL = 1;
export const STATION_MAX_PROFILE_ID = 1;
const TX_PROFILE_ID_BASE = 100;

/**
 * The applied plan as charging profiles from `now` on (DESIGN.md §3 step 4): a TxProfile per session in
 * progress (vehicles and public EVs; 0 kW where the plan does not charge them) and a station-wide
 * maximum per planned charger: the sum of its sessions' limits and of what the plan gives vehicles there that are not
 * plugged in yet, plus, where it has a free connector, its share of the site's headroom the plan leaves unused, so a
 * vehicle plugged in between ticks charges at once and the site stays within its limit even if every free connector
 * takes one.
 */
export function profileCommands(
  input: PlanInput,
  result: PlanResult,
  sessions: LiveSession[],
  now: Date,
  options: ProfileCommandOptions,
): { commands: ProfileCommand[]; notes: string[] } {
  const notes: string[] = [];
  const grid = slotGrid(input);
  const first = grid.findIndex((slot) => slot.endMs > now.getTime());
  if (first < 0) return { commands: [], notes: ['the plan has run out: no profiles sent'] };
  const untilMs = now.getTime() + options.lookaheadMinutes * 60_000;
  const window = grid.slice(first).filter((slot, i) => i === 0 || slot.startMs < untilMs);
  const kwOf = (row: number[] | undefined) => window.map((slot) => row?.[slot.index] ?? 0);

  const plannedChargers = new Set(input.chargers.map((charger) => charger.id));
  const commands: ProfileCommand[] = [];
  const stationKw = new Map<string, number[]>();
  const addToStation = (chargerId: string, kw: number[]) => {
    const station = stationKw.get(chargerId) ?? window.map(() => 0);
    stationKw.set(
      chargerId,
      station.map((sum, i) => sum + kw[i]),
    );
  };
  for (const session of sessions) {
    if (!plannedChargers.has(session.chargePointId)) continue;
    const row = result.charging.find((r) =>
      'sessionId' in r
        ? r.sessionId === session.sessionId
        : r.vehicleId === session.fleetNumber && r.chargerId === session.chargePointId,
    );
    const kw = kwOf(row?.kw);
    addToStation(session.chargePointId, kw);
    commands.push(command(session.chargePointId, 'Tx', session.evseId, session.transactionId, window, kw));
  }
  // A vehicle the plan charges at a charger it is not plugged into yet: its kW are that charger's for when it is.
  for (const row of result.charging) {
    if (
      'vehicleId' in row &&
      !sessions.some((s) => s.fleetNumber === row.vehicleId && s.chargePointId === row.chargerId)
    ) {
      const kw = kwOf(row.kw);
      if (!kw.some((value) => value > 0)) continue;
      notes.push(`vehicle ${row.vehicleId} is planned to charge at ${row.chargerId} but is not plugged in there`);
      addToStation(row.chargerId, kw);
    }
  }
  const newcomerKw = newcomerShares(input, result, sessions, window, stationKw);
  for (const charger of input.chargers) {
    const planned = stationKw.get(charger.id) ?? window.map(() => 0);
    const spare = newcomerKw.get(charger.id);
    const kw = spare ? planned.map((sum, i) => sum + spare[i]) : planned;
    commands.push(command(charger.id, 'StationMax', 0, undefined, window, kw));
  }
  return { commands, notes };
}

/**
 * Per charger with a free connector, kW per window slot: the grid headroom the plan leaves (limit − base load − all
 * planned charging) shared equally among those chargers, each at most what its free connectors and its own maximum
 * (less what its cap already holds for planned charging, `stationKw`) can draw.
 */
function newcomerShares(
  input: PlanInput,
  result: PlanResult,
  sessions: LiveSession[],
  window: Slot[],
  stationKw: Map<string, number[]>,
): Map<string, number[]> {
  const busy = new Map<string, number>();
  for (const session of sessions) busy.set(session.chargePointId, (busy.get(session.chargePointId) ?? 0) + 1);
  const withFree = input.chargers.filter((charger) => (charger.connectors ?? 1) > (busy.get(charger.id) ?? 0));
  const shares = new Map<string, number[]>();
  if (withFree.length === 0) return shares;
  const headroomKw = window.map((slot) => {
    const plannedKw = result.charging.reduce((sum, row) => sum + (row.kw[slot.index] ?? 0), 0);
    return Math.max(0, input.site.gridLimitKw - (input.site.baseLoadKw ?? 0) - plannedKw);
  });
  for (const charger of withFree) {
    const freeConnectors = (charger.connectors ?? 1) - (busy.get(charger.id) ?? 0);
    const plannedOnCharger = stationKw.get(charger.id);
    shares.set(
      charger.id,
      headroomKw.map((headroom, i) =>
        floorToTenth(
          Math.min(
            headroom / withFree.length,
            freeConnectors * charger.maxKwPerConnector,
            (charger.maxKw ?? Infinity) - (plannedOnCharger?.[i] ?? 0),
          ),
        ),
      ),
    );
  }
  return shares;
}

/** Profiles carry 0.1 kW steps; a share rounded up could take the site a little over its limit. */
function floorToTenth(kw: number): number {
  return Math.max(0, Math.floor(kw * 10) / 10);
}

/**
 * A station cap of `kw` from `now` for `minutes`, at the plan's level: what a charger that refused Apron's profiles is
 * asked to take again (issue 15). The plan counts that charger at `kw` already, so the cap never adds load.
 */
export function stationCapCommand(chargePointId: string, kw: number, now: Date, minutes: number): ProfileCommand {
  const window = [{ index: 0, startMs: now.getTime(), endMs: now.getTime() + minutes * 60_000 }];
  return command(chargePointId, 'StationMax', 0, undefined, window, [kw]);
}

interface Slot {
  index: number;
  startMs: number;
  endMs: number;
}

function slotGrid(input: PlanInput): Slot[] {
  const boundaries = boundariesMs(input);
  return boundaries.slice(0, -1).map((startMs, index) => ({ index, startMs, endMs: boundaries[index + 1] }));
}

function command(
  chargePointId: string,
  purpose: 'StationMax' | 'Tx',
  evseId: number,
  transactionId: string | undefined,
  window: Slot[],
  kw: number[],
): ProfileCommand {
  const slots = window.map((slot, i) => ({
    start: new Date(slot.startMs),
    durationSeconds: (slot.endMs - slot.startMs) / 1000,
    powerKw: Math.max(0, Math.round(kw[i] * 10) / 10),
  }));
  const profileId = purpose === 'Tx' ? TX_PROFILE_ID_BASE + evseId : STATION_MAX_PROFILE_ID;
  const signature = JSON.stringify([purpose, evseId, transactionId, slots.map((s) => [s.start.getTime(), s.powerKw])]);
  return { chargePointId, purpose, evseId, profileId, transactionId, slots, signature };
}
