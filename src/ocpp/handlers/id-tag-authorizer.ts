import { Inject, Injectable, Optional } from '@nestjs/common';
import { SitesService } from '../../sites/sites.service';
import { ChargerConnection } from '../gateway/charger-connection';
import { SessionLinkSource } from '../persistence/session.entity';

/** What the gateway needs from the fleet: the vehicle presenting an idTag or EVCCID, and which of the two it was. */
export interface VehicleIdTags {
  findByIdTag(
    idTag: string,
  ): Promise<{ id: string; siteId: string; inService: boolean; linkSource: 'id-tag' | 'evccid' } | null>;
}

export const VEHICLE_ID_TAGS = Symbol('VEHICLE_ID_TAGS');

export type IdTagOutcome = 'Accepted' | 'Blocked' | 'Invalid' | 'Unknown';

export interface IdTagDecision {
  outcome: IdTagOutcome;
  vehicleId: string | null;
  linkSource: SessionLinkSource | null;
}

/** 2.0.1 idToken types that carry no identity to check (C01, E: a transaction started without authorization). */
const NO_IDENTITY_TYPES = new Set(['NoAuthorization']);

@Injectable()
export class IdTagAuthorizer {
  constructor(
    private readonly sites: SitesService,
    @Optional() @Inject(VEHICLE_ID_TAGS) private readonly vehicles?: VehicleIdTags,
  ) {}

  /**
   * A fleet vehicle's idTag is Accepted (Blocked while it is out of service); any other idTag follows the site's
   * unknownIdTagPolicy. A charger not let in as registered (held Pending) authorizes nobody.
   */
  async authorize(connection: ChargerConnection, idTag: string, idTokenType?: string): Promise<IdTagDecision> {
    if (connection.admission !== 'registered' || connection.siteId === null)
      return { outcome: 'Invalid', vehicleId: null, linkSource: null };
    if (idTokenType !== undefined && NO_IDENTITY_TYPES.has(idTokenType))
      return { outcome: 'Accepted', vehicleId: null, linkSource: null };
    const vehicle = idTag ? await this.vehicles?.findByIdTag(idTag) : null;
    if (vehicle) {
      const outcome = vehicle.inService ? 'Accepted' : 'Blocked';
      return { outcome, vehicleId: vehicle.id, linkSource: vehicle.linkSource };
    }
    const site = await this.sites.get(connection.siteId).catch(() => null);
    const outcome = site?.unknownIdTagPolicy === 'accept' ? 'Accepted' : 'Unknown';
    return { outcome, vehicleId: null, linkSource: null };
  }
}

/** 1.6 AuthorizationStatus has no Unknown: an idTag nobody knows is Invalid (1.6 §7.2). */
export function v16IdTagStatus(outcome: IdTagOutcome): 'Accepted' | 'Blocked' | 'Invalid' {
  return outcome === 'Unknown' ? 'Invalid' : outcome;
}
