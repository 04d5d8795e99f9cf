import { Injectable } from '@nestjs/common';
import { Vehicle } from '../../fleet/vehicle.entity';
import { VehicleDirectory } from '../common/vehicle-directory';
import { SessionLinkSource } from '../persistence/fleet-session.entity';
import { VehicleEvccidsRepository } from '../persistence/vehicle-evccids.repository';
import { canonicalEvccid } from './evccid';

export interface VehicleLink {
  vehicle: Vehicle;
  source: SessionLinkSource;
}

/** Which fleet vehicle presents an identifier at a charger: an EVCCID registered to it, else its RFID idTag. */
@Injectable()
export class SessionLinker {
  constructor(
    private readonly directory: VehicleDirectory,
    private readonly evccids: VehicleEvccidsRepository,
  ) {}

  async byIdentifier(idTag: string): Promise<VehicleLink | null> {
    const evccid = canonicalEvccid(idTag);
    if (evccid !== null) {
      const vehicleId = await this.evccids.vehicleOf(evccid);
      const vehicle = vehicleId === null ? null : await this.directory.get(vehicleId);
      if (vehicle) return { vehicle, source: 'evccid' };
    }
    const vehicle = await this.directory.findByIdTag(idTag);
    return vehicle ? { vehicle, source: 'id-tag' } : null;
  }
}
