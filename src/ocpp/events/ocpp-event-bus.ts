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
  /** Also set for gateway events that are not OCPP messages: connected / disconnected. */
  event: OcppEvent | ChargerConnectionEvent;
  receivedAt: Date;
}

export interface ChargerConnectionEvent {
  type: 'charger.connected' | 'charger.disconnected';
  ocppVersion: string;
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
