import { Injectable } from '@nestjs/common';
import { VehicleIdentityService } from '../../fleet/vehicle-identity.service';
import type { OcppEventEnvelope } from '../../ocpp/events/ocpp-event-bus';
import { SiteKind } from '../../sites/site.entity';
import { SitesService } from '../../sites/sites.service';
import { PendingSessionInputsRepository } from '../persistence/pending-session-inputs.repository';
import { VehicleSocStore } from '../soc/vehicle-soc-store';
import { sessionSocInputs } from './session-soc-inputs';

export type SessionEnvelope = OcppEventEnvelope & { sessionId: string };

/**
 * Hands each session's SoC inputs to the vehicle the gateway says it charges. The session, its vehicle link and its
 * energy are the gateway's (src/ocpp/sessions); this keeps only the inputs of a session no vehicle is linked to yet,
 * and gives them to the vehicle when a link comes (a later idToken, a dispatcher). Callers run one charge point's
 * events in order (ocpp-fleet-feed.ts).
 */
@Injectable()
export class SessionSocFeeder {
  /** Sessions with inputs waiting for a link since this process started (a link or an end also looks them up). */
  private readonly waiting = new Set<string>();
  private readonly siteKinds = new Map<string, Promise<SiteKind | null>>();

  constructor(
    private readonly pending: PendingSessionInputsRepository,
    private readonly directory: VehicleIdentityService,
    private readonly store: VehicleSocStore,
    private readonly sites: SitesService,
  ) {}

  async take(envelope: SessionEnvelope): Promise<void> {
    const { sessionId, vehicleId, event } = envelope;
    const inputs = sessionSocInputs(envelope);
    if (vehicleId === undefined) {
      if (inputs.length === 0) return;
      // A public EV at a highway site is nobody's fleet vehicle: keeping its inputs for a link costs rows for nothing.
      // At an airport an unknown idTag may well be a bus with a new card, so they are kept.
      if ((await this.siteKind(envelope.siteId)) === 'highway') return;
      await this.pending.add(sessionId, inputs);
      this.waiting.add(sessionId);
      return;
    }
    const lookUp = this.waiting.has(sessionId) || event.type === 'session.linked' || event.type === 'session.ended';
    const handedOver = lookUp ? await this.pending.take(sessionId) : [];
    this.waiting.delete(sessionId);
    const events = [...handedOver, ...inputs.map((input) => input.event)];
    if (events.length === 0) return;
    const vehicle = await this.directory.get(vehicleId);
    if (vehicle) await this.store.add(vehicle, events);
  }

  /** Cached as a promise: a thousand sessions starting at once at one site ask the database once. */
  private siteKind(siteId: string | null): Promise<SiteKind | null> {
    if (siteId === null) return Promise.resolve(null);
    let kind = this.siteKinds.get(siteId);
    if (!kind) {
      kind = this.sites.get(siteId).then(
        (site) => site.kind,
        () => null,
      );
      this.siteKinds.set(siteId, kind);
    }
    return kind;
  }
}
