import { Inject, Injectable } from '@nestjs/common';
import { MeterSampleEvent, OcppEvent, SessionEndedEvent } from '@apron/ocpp-model';
import { CLOCK, Clock } from '../../common/clock';
import { OcppEventBus } from '../events/ocpp-event-bus';
import { ChargerConnection } from '../gateway/charger-connection';
import { ChargerEventsRepository } from '../persistence/charger-events.repository';
import { OcppCallContext } from '../gateway/ocpp-handler';
import { SessionRow } from '../persistence/session.entity';
import { SessionChange, SessionOwner, SessionsRepository } from '../persistence/sessions.repository';
import { applyRegisterReading, RegisterState } from './register-energy';
import { implausibleSample, ImplausibleSample, SampleReading } from './sample-plausibility';
import { MeterSampleWriter } from './meter-sample.writer';
import { SessionTracker, TrackedSession } from './session-tracker';

export const SUPERSEDED_REASON = 'SupersededByNewTransaction';

/** A transaction id nobody knows (e.g. 1.6 -1 after a lost StartTransaction) is not looked up again for this long. */
const UNKNOWN_TRANSACTION_TTL_MS = 60_000;
const UNKNOWN_TRANSACTION_LIMIT = 10_000;

/** A stored session as events name it: its id and the vehicle it charges. */
export interface SessionRef {
  id: string;
  vehicleId: string | null;
}

/**
 * The one persistence path for sessions and meter samples of both OCPP versions: it works on version-neutral events.
 * Version-specific rules (1.6 id assignment, 2.0.1 seqNo) live in the transaction handlers that call it.
 */
@Injectable()
export class SessionsService {
  private readonly unknownTransactions = new Map<string, number>();

  constructor(
    private readonly repository: SessionsRepository,
    private readonly tracker: SessionTracker,
    private readonly writer: MeterSampleWriter,
    private readonly bus: OcppEventBus,
    private readonly chargerEvents: ChargerEventsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  owner(context: OcppCallContext): SessionOwner {
    const { chargePointId, chargerId, siteId } = context.connection;
    return { chargePointId, chargerId, siteId };
  }

  /**
   * Tells subscribers about a stored event. `session`: the session it belongs to, with its vehicle; `countedEnergyWh`:
   * what this event added to the session's energy (the one count subscribers may rely on).
   */
  publish(context: OcppCallContext, event: OcppEvent, session?: SessionRef, countedEnergyWh = 0): void {
    this.bus.publish({
      ...this.owner(context),
      sessionId: session?.id,
      vehicleId: session?.vehicleId ?? undefined,
      countedEnergyWh: countedEnergyWh > 0 ? countedEnergyWh : undefined,
      event,
      receivedAt: context.receivedAt,
    });
  }

  /** The open session tracked in memory, else looked up (and tracked when still open). */
  async find(chargePointId: string, transactionId: string): Promise<{ row?: SessionRow; tracked?: TrackedSession }> {
    const tracked = this.tracker.get(chargePointId, transactionId);
    if (tracked) return { tracked };
    const unknownKey = `${chargePointId}\u0000${transactionId}`;
    if ((this.unknownTransactions.get(unknownKey) ?? 0) > Date.now()) return {};
    const row = await this.repository.findByTransaction(chargePointId, transactionId);
    if (!row) {
      if (this.unknownTransactions.size >= UNKNOWN_TRANSACTION_LIMIT) this.unknownTransactions.clear();
      this.unknownTransactions.set(unknownKey, Date.now() + UNKNOWN_TRANSACTION_TTL_MS);
      return {};
    }
    return { row, tracked: this.tracker.track(row) };
  }

  track(row: SessionRow): TrackedSession | undefined {
    this.unknownTransactions.delete(`${row.chargePointId}\u0000${row.transactionId}`);
    return this.tracker.track(row);
  }

  setEvse(tracked: TrackedSession, evseId: number): void {
    if (tracked.evseId !== evseId) this.tracker.setEvse(tracked, evseId);
  }

  /** Counts a plausible sample into the open session's energy; returns the Wh it added. */
  countReading(connection: ChargerConnection, tracked: TrackedSession, sample: MeterSampleEvent): number {
    if (this.implausible(connection, sample, tracked.register, sample.evseId ?? tracked.evseId)) return 0;
    return this.tracker.reading(tracked, sample);
  }

  /**
   * Why a reading is one no charger could send (sample-plausibility.ts), judged on the service's clock and the
   * connector's rated power; null when it is fine.
   */
  implausible(
    connection: ChargerConnection,
    reading: SampleReading,
    register: RegisterState | null,
    evseId: number | null | undefined,
  ): ImplausibleSample | null {
    const limits = connection.connectorMaxW;
    const maxPowerW = (evseId ? limits[evseId] : undefined) ?? limits[0] ?? null;
    return implausibleSample(reading, register, maxPowerW, this.clock.now());
  }

  /**
   * Meter samples: stored for the time series, and counted into the session's energy when it is open; resolves when
   * they are committed. A sample without a transaction goes to the open session on its EVSE, if any. A sample sent
   * again is stored and counted once.
   */
  async recordSamples(context: OcppCallContext, samples: MeterSampleEvent[], session?: SessionRef): Promise<void> {
    const { chargePointId } = context.connection;
    const stored: Promise<void>[] = [];
    for (const sample of samples) {
      let tracked: TrackedSession | undefined;
      let owner = session;
      if (sample.transactionId !== undefined) {
        const found = await this.find(chargePointId, sample.transactionId);
        tracked = found.tracked;
        owner = tracked ?? found.row ?? owner;
      } else if (sample.evseId !== undefined && sample.evseId > 0) {
        tracked = this.tracker.onEvse(chargePointId, sample.evseId);
        owner = tracked ?? owner;
      }
      const evseId = sample.evseId ?? tracked?.evseId ?? null;
      const flag = this.implausible(context.connection, sample, tracked?.register ?? null, evseId);
      stored.push(this.writer.add(chargePointId, sample, evseId, owner?.id ?? null, flag));
      // Stored flagged, but neither counted nor published: subscribers would take its SoC or time as a reading.
      if (flag) continue;
      const countedWh = tracked ? this.tracker.reading(tracked, sample) : 0;
      this.publish(context, sample, owner, countedWh);
    }
    // Answered once stored (throws if not: the charger gets no acknowledgement and sends the message again).
    await Promise.all(stored);
  }

  /**
   * One active session per connector: a new transaction starting on an EVSE ends any other session still open there
   * (its stop was lost, e.g. a charger that rebooted without sending it). The stale session keeps the energy counted so
   * far, ends at the new start with reason `SupersededByNewTransaction`, and says so: a session.ended event on the bus
   * and a `session.superseded` charger event.
   */
  async endStaleOnEvse(context: OcppCallContext, evseId: number, newTransactionId: string, at: Date): Promise<void> {
    const { chargePointId } = context.connection;
    const stale = await this.repository.openOnEvseExcept(chargePointId, evseId, newTransactionId);
    for (const row of stale) {
      const tracked = this.tracker.get(chargePointId, row.transactionId);
      const ended: SessionEndedEvent = {
        type: 'session.ended',
        transactionId: row.transactionId,
        evseId,
        reason: SUPERSEDED_REASON,
        at,
      };
      const change = this.endChange(context.connection, tracked, row, ended);
      if (await this.repository.finish(row.id, change)) {
        // No meter stop: nothing more is counted, so the event carries no countedEnergyWh.
        this.publish(context, ended, { id: row.id, vehicleId: tracked?.vehicleId ?? row.vehicleId });
        await this.chargerEvents.insert(chargePointId, 'session.superseded', context.receivedAt, {
          sessionId: row.id,
          transactionId: row.transactionId,
          evseId,
          byTransactionId: newTransactionId,
          energyWh: change.energyWh,
        });
      }
      this.forget(tracked);
    }
  }

  /** The final counter and stop fields, written once (a retried stop changes nothing). */
  endChange(
    connection: ChargerConnection,
    tracked: TrackedSession | undefined,
    row: SessionRow | undefined,
    ended: SessionEndedEvent,
  ): SessionChange {
    let register = tracked?.register ?? (row ? { ...rowRegister(row) } : undefined);
    const stop = { at: ended.at, energyWh: ended.meterStopWh };
    const evseId = tracked?.evseId ?? row?.evseId;
    // An implausible meter stop is kept as sent (meterStopWh) but not counted.
    if (register && ended.meterStopWh !== undefined && !this.implausible(connection, stop, register, evseId)) {
      register = applyRegisterReading(register, ended.meterStopWh, ended.at);
    }
    return {
      stoppedAt: ended.at,
      stopReason: ended.reason ?? null,
      meterStopWh: ended.meterStopWh,
      energyWh: register?.energyWh,
      lastRegisterWh: register?.lastRegisterWh ?? undefined,
      lastRegisterAt: register?.lastRegisterAt ?? undefined,
      registerResets: register?.registerResets,
      lastSocPercent: tracked?.lastSocPercent ?? undefined,
    };
  }

  forget(tracked: TrackedSession | undefined): void {
    if (tracked) this.tracker.forget(tracked);
  }

  get repo(): SessionsRepository {
    return this.repository;
  }
}

function rowRegister(row: SessionRow) {
  return {
    energyWh: row.energyWh,
    lastRegisterWh: row.lastRegisterWh,
    lastRegisterAt: row.lastRegisterAt,
    registerResets: row.registerResets,
  };
}
