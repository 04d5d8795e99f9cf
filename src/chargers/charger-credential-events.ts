import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/** Why a charger's admission no longer holds: its connection must close and its next handshake is checked anew. */
export type CredentialChange = 'deleted' | 'passwordChanged' | 'identityChanged';

export interface ChargerCredentialEvent {
  /** The identity the charger connected with (the old one when it was renamed). */
  chargePointId: string;
  change: CredentialChange;
}

/**
 * Tells whoever holds chargers' connections (the OCPP gateway) that a charger was deleted or got new credentials, so
 * the chargers feature needs no knowledge of the gateway. Published after the change is committed.
 */
@Injectable()
export class ChargerCredentialEvents {
  private readonly subject = new Subject<ChargerCredentialEvent>();

  get events$(): Observable<ChargerCredentialEvent> {
    return this.subject.asObservable();
  }

  publish(event: ChargerCredentialEvent): void {
    this.subject.next(event);
  }
}
