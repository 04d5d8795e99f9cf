import { Injectable } from '@nestjs/common';
import { SessionLinker } from './session-linker';

/**
 * The vehicle presenting an identifier at a charger, in the shape of the gateway's VehicleIdTags
 * (src/ocpp/handlers/id-tag-authorizer.ts): an EVCCID registered to a vehicle, else its idTag in any case.
 * Meant for `{ provide: VEHICLE_ID_TAGS, useExisting: FleetIdentifiers }`, so Authorize agrees with the linking.
 */
@Injectable()
export class FleetIdentifiers {
  constructor(private readonly linker: SessionLinker) {}

  async findByIdTag(idTag: string): Promise<{ id: string; siteId: string; inService: boolean } | null> {
    const found = await this.linker.byIdentifier(idTag);
    return found && { id: found.vehicle.id, siteId: found.vehicle.siteId, inService: found.vehicle.inService };
  }
}
