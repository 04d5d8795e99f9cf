/**
 * Public EVs at the highway service area: each arrives, waits for a free connector (and drives on after a while if
 * none frees), plugs in with its own idTag, charges under whatever profiles the service sends the charger, and
 * leaves at its departure time or once it reaches its target.
 */
import { VirtualChargePoint } from '../../../libs/simulator/src/charge-point';
import { DemoEv } from '../sites/demo-site.types';

type EvState =
  | { kind: 'coming' }
  | { kind: 'waiting'; sinceMs: number }
  | { kind: 'plugged'; chargePoint: VirtualChargePoint; connectorId: number }
  | { kind: 'left'; energyKwh: number; reachedTarget: boolean }
  | { kind: 'gave-up' };

export interface HighwayCounts {
  arrived: number;
  charging: number;
  waiting: number;
  left: number;
  reachedTarget: number;
  gaveUp: number;
  /** Energy delivered to public EVs so far, finished and running sessions, kWh. */
  deliveredKwh: number;
}

/** A driver who finds every connector taken waits this long, then drives on. */
const MAX_WAIT_MS = 15 * 60_000;

export class HighwayTraffic {
  private readonly states = new Map<DemoEv, EvState>();

  constructor(
    private readonly evs: DemoEv[],
    readonly chargePoints: VirtualChargePoint[],
  ) {
    for (const ev of evs) this.states.set(ev, { kind: 'coming' });
  }

  /** Everything that happens at `now`: departures first, then arrivals, then the queue moves up. */
  async act(now: Date): Promise<void> {
    const nowMs = now.getTime();
    for (const [ev, state] of this.states) {
      if (state.kind !== 'plugged') continue;
      const snapshot = state.chargePoint.snapshot(state.connectorId);
      const reachedTarget = (snapshot.socPercent ?? 0) >= ev.targetSocPercent;
      if (!reachedTarget && nowMs < ev.departure.getTime()) continue;
      const energyKwh = snapshot.sessionEnergyWh / 1000;
      this.states.set(ev, { kind: 'left', energyKwh, reachedTarget });
      if (state.chargePoint.online) await state.chargePoint.unplug(state.connectorId);
      else void state.chargePoint.unplug(state.connectorId);
    }
    for (const [ev, state] of this.states) {
      if (state.kind === 'coming' && ev.arrival.getTime() <= nowMs) {
        this.states.set(ev, { kind: 'waiting', sinceMs: nowMs });
      } else if (state.kind === 'waiting' && (nowMs - state.sinceMs > MAX_WAIT_MS || nowMs >= ev.departure.getTime())) {
        this.states.set(ev, { kind: 'gave-up' });
      }
    }
    for (const [ev, state] of this.states) {
      if (state.kind !== 'waiting') continue;
      const free = this.freeConnector();
      if (!free) break;
      this.states.set(ev, { kind: 'plugged', ...free });
      await free.chargePoint.plugIn(free.connectorId, {
        idTag: ev.idTag,
        batteryKwh: ev.batteryKwh,
        socPercent: ev.socPercent,
        maxKw: ev.maxKw,
        ...(ev.iso15118 ? { iso15118: { departureTime: ev.departure, targetSocPercent: ev.targetSocPercent } } : {}),
      });
    }
  }

  counts(): HighwayCounts {
    const counts: HighwayCounts = {
      arrived: 0,
      charging: 0,
      waiting: 0,
      left: 0,
      reachedTarget: 0,
      gaveUp: 0,
      deliveredKwh: 0,
    };
    for (const state of this.states.values()) {
      if (state.kind === 'coming') continue;
      counts.arrived += 1;
      if (state.kind === 'waiting') counts.waiting += 1;
      if (state.kind === 'gave-up') counts.gaveUp += 1;
      if (state.kind === 'plugged') {
        counts.charging += 1;
        counts.deliveredKwh += state.chargePoint.snapshot(state.connectorId).sessionEnergyWh / 1000;
      }
      if (state.kind === 'left') {
        counts.left += 1;
        counts.deliveredKwh += state.energyKwh;
        if (state.reachedTarget) counts.reachedTarget += 1;
      }
    }
    return counts;
  }

  /** Energy each EV that left took with it, kWh. */
  energyOfDepartedKwh(): number[] {
    return [...this.states.values()].flatMap((s) => (s.kind === 'left' ? [s.energyKwh] : []));
  }

  /** A free connector on an online charger, the least busy charger first (drivers avoid sharing a charger). */
  private freeConnector(): { chargePoint: VirtualChargePoint; connectorId: number } | undefined {
    const taken = new Set<string>();
    for (const state of this.states.values()) {
      if (state.kind === 'plugged') taken.add(`${state.chargePoint.identity}/${state.connectorId}`);
    }
    let best: { chargePoint: VirtualChargePoint; connectorId: number; busy: number } | undefined;
    for (const chargePoint of this.chargePoints) {
      if (!chargePoint.online) continue;
      const free = chargePoint.connectors.filter((c) => !taken.has(`${chargePoint.identity}/${c.id}`));
      const busy = chargePoint.connectors.length - free.length;
      if (free.length > 0 && (!best || busy < best.busy)) best = { chargePoint, connectorId: free[0].id, busy };
    }
    return best && { chargePoint: best.chargePoint, connectorId: best.connectorId };
  }
}
