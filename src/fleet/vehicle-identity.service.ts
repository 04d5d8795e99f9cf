import { Injectable, NotFoundException } from '@nestjs/common';
import { invalidField } from '../common/field-errors';
import { canonicalEvccid } from './evccid';
import { VehicleDirectory } from './vehicle-directory';
import { VehicleEvccidsRepository } from './vehicle-evccids.repository';
import { Vehicle } from './vehicle.entity';

export interface IdentifiedVehicle {
  vehicle: Vehicle;
  source: 'id-tag' | 'evccid';
}

/**
 * Which fleet vehicle an identifier names: an EVCCID registered to it, else its RFID idTag in any case, or (for people)
 * its id or fleet number. The one answer the OCPP gateway (Authorize, session start) and the dispatcher's session
 * links both use.
 */
@Injectable()
export class VehicleIdentityService {
  constructor(
    private readonly directory: VehicleDirectory,
    private readonly evccids: VehicleEvccidsRepository,
  ) {}

  /** The vehicle presenting this idTag or EVCCID at a charger. */
  async byIdentifier(idTag: string): Promise<IdentifiedVehicle | null> {
    const evccid = canonicalEvccid(idTag);
    if (evccid !== null) {
      const vehicleId = await this.evccids.vehicleOf(evccid);
      const vehicle = vehicleId === null ? null : await this.directory.get(vehicleId);
      if (vehicle) return { vehicle, source: 'evccid' };
    }
    const vehicle = await this.directory.findByIdTag(idTag);
    return vehicle ? { vehicle, source: 'id-tag' } : null;
  }

  /** The gateway's VehicleIdTags (src/ocpp/handlers/id-tag-authorizer.ts), so Authorize agrees with session links. */
  async findByIdTag(idTag: string) {
    const found = await this.byIdentifier(idTag);
    if (!found) return null;
    const { vehicle, source } = found;
    return { id: vehicle.id, siteId: vehicle.siteId, inService: vehicle.inService, linkSource: source };
  }

  /** A vehicle by its id or fleet number, as a person names it. */
  resolve(ref: string): Promise<Vehicle | null> {
    return this.directory.resolve(ref);
  }

  async addEvccid(vehicleId: string, evccid: string): Promise<string[]> {
    const vehicle = await this.directory.get(vehicleId);
    if (!vehicle) throw new NotFoundException(`Vehicle ${vehicleId} not found`);
    const canonical = canonicalEvccid(evccid);
    if (canonical === null) {
      throw invalidField('evccid', 'evccid must be 12 hex digits (a MAC), optionally VID:-prefixed');
    }
    await this.evccids.assign(canonical, vehicle.id);
    return this.evccids.listFor(vehicle.id);
  }
}
