import { Injectable } from '@nestjs/common';
import { OcppEvent } from '@apron/ocpp-model';
import { Observable, Subject } from 'rxjs';

/** A version-neutral OCPP event after it was stored, with the charger it came from. */
export interface OcppEventEnvelope {
  chargePointId: string;
  /** null for an unknown charge point held Pending. */
  chargerId: string | null;
  siteId: string | null;
  /** The stored session the event belongs to, when it belongs to one. */
  sessionId?: string;
  /** The fleet vehicle that session charges, when it is linked to one (idTag, EVCCID or a dispatcher). */
  vehicleId?: string;
  /**
   * Energy the gateway counted into the session's total from this event (Wh, > 0): a register step, counted once, so
   * a repeated or out-of-order reading carries none. Subscribers add it up instead of counting registers again.
   */
  countedEnergyWh?: number;
  /** Also set for gateway events that are not OCPP messages: connected / disconnected, a session linked by hand. */
  event: OcppEvent | ChargerConnectionEvent | SessionLinkedEvent;
  receivedAt: Date;
}

export interface ChargerConnectionEvent {
  type: 'charger.connected' | 'charger.disconnected';
  ocppVersion: string;
}

/** A dispatcher linked a session to a vehicle after it started (the envelope's vehicleId). */
export interface SessionLinkedEvent {
  type: 'session.linked';
  at: Date;
}

/**
 * What the rest of the app (scheduler, fleet state, dispatch stream) subscribes to. Subscribers run synchronously on
 * the message path: keep them cheap, or hand off to a queue.
 */
@Injectable()
export class OcppEventBus {
  private readonly subject = new Subject<OcppEventEnvelope>();

  get events$(): Observable<OcppEventEnvelope> {
    return this.subject.asObservable();
  }

  publish(envelope: OcppEventEnvelope): void {
    this.subject.next(envelope);
  }
}
