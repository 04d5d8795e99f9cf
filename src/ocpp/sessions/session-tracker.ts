import { SessionRow } from '../persistence/session.entity';
import { SessionEnergyUpdate } from '../persistence/meter-samples.repository';
import { applyRegisterReading, RegisterState } from './register-energy';

/** An open session's energy counter, kept in memory so a meter sample costs no database round trip. */
export interface TrackedSession {
  id: string;
  chargePointId: string;
  transactionId: string;
  evseId: number | null;
  /** The fleet vehicle the session charges, carried on its events. */
  vehicleId: string | null;
  register: RegisterState;
  lastSocPercent: number | null;
  dirty: boolean;
}

const key = (chargePointId: string, transactionId: string) => `${chargePointId}\u0000${transactionId}`;
const evseKey = (chargePointId: string, evseId: number) => `${chargePointId}\u0000#${evseId}`;

/**
 * Open sessions of the chargers connected here. The batch writer persists the dirty counters with the samples; the
 * end of a session writes its final counter itself and forgets it.
 */
export class SessionTracker {
  private readonly byTransaction = new Map<string, TrackedSession>();
  private readonly byEvse = new Map<string, TrackedSession>();

  get(chargePointId: string, transactionId: string): TrackedSession | undefined {
    return this.byTransaction.get(key(chargePointId, transactionId));
  }

  onEvse(chargePointId: string, evseId: number): TrackedSession | undefined {
    return this.byEvse.get(evseKey(chargePointId, evseId));
  }

  /** Starts tracking an open session from its stored row (no-op for an ended one or one already tracked). */
  track(row: SessionRow): TrackedSession | undefined {
    const existing = this.get(row.chargePointId, row.transactionId);
    if (existing || row.stoppedAt !== null) {
      if (existing && row.evseId !== null) this.setEvse(existing, row.evseId);
      if (existing && row.vehicleId !== null) existing.vehicleId = row.vehicleId;
      return existing;
    }
    const tracked: TrackedSession = {
      id: row.id,
      chargePointId: row.chargePointId,
      transactionId: row.transactionId,
      evseId: null,
      vehicleId: row.vehicleId,
      register: {
        energyWh: row.energyWh,
        lastRegisterWh: row.lastRegisterWh,
        lastRegisterAt: row.lastRegisterAt,
        registerResets: row.registerResets,
      },
      lastSocPercent: row.lastSocPercent,
      dirty: false,
    };
    this.byTransaction.set(key(row.chargePointId, row.transactionId), tracked);
    if (row.evseId !== null) this.setEvse(tracked, row.evseId);
    return tracked;
  }

  setEvse(tracked: TrackedSession, evseId: number): void {
    tracked.evseId = evseId;
    this.byEvse.set(evseKey(tracked.chargePointId, evseId), tracked);
  }

  /** Counts a reading; returns the energy it added to the session's total (Wh, 0 for a repeated or older one). */
  reading(tracked: TrackedSession, sample: { energyWh?: number; socPercent?: number; at: Date }): number {
    const beforeWh = tracked.register.energyWh;
    if (sample.energyWh !== undefined) {
      tracked.register = applyRegisterReading(tracked.register, sample.energyWh, sample.at);
      tracked.dirty = true;
    }
    if (sample.socPercent !== undefined) {
      tracked.lastSocPercent = sample.socPercent;
      tracked.dirty = true;
    }
    return tracked.register.energyWh - beforeWh;
  }

  forget(tracked: TrackedSession): void {
    this.byTransaction.delete(key(tracked.chargePointId, tracked.transactionId));
    if (tracked.evseId !== null && this.onEvse(tracked.chargePointId, tracked.evseId) === tracked) {
      this.byEvse.delete(evseKey(tracked.chargePointId, tracked.evseId));
    }
  }

  /** The counters changed since the last call, marked clean. */
  takeDirty(): SessionEnergyUpdate[] {
    const updates: SessionEnergyUpdate[] = [];
    for (const tracked of this.byTransaction.values()) {
      if (!tracked.dirty) continue;
      tracked.dirty = false;
      updates.push({
        sessionId: tracked.id,
        energyWh: tracked.register.energyWh,
        lastRegisterWh: tracked.register.lastRegisterWh,
        lastRegisterAt: tracked.register.lastRegisterAt,
        registerResets: tracked.register.registerResets,
        lastSocPercent: tracked.lastSocPercent,
      });
    }
    return updates;
  }

  /** Marks counters taken by takeDirty() dirty again after their write failed, so the next flush writes them. */
  restoreDirty(updates: SessionEnergyUpdate[]): void {
    const ids = new Set(updates.map((update) => update.sessionId));
    for (const tracked of this.byTransaction.values()) if (ids.has(tracked.id)) tracked.dirty = true;
  }

  get size(): number {
    return this.byTransaction.size;
  }
}
