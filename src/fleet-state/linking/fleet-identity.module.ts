import { Module } from '@nestjs/common';
import { FleetModule } from '../../fleet/fleet.module';
import { VehicleDirectory } from '../common/vehicle-directory';
import { VehicleEvccidsRepository } from '../persistence/vehicle-evccids.repository';
import { FleetIdentifiers } from './fleet-identifiers';
import { SessionLinker } from './session-linker';

/**
 * Which vehicle an idTag or EVCCID belongs to. A module of its own, without the OCPP module, so the gateway can
 * import it for Authorize while fleet state imports the gateway's event bus.
 */
@Module({
  imports: [FleetModule],
  providers: [VehicleDirectory, VehicleEvccidsRepository, SessionLinker, FleetIdentifiers],
  exports: [VehicleDirectory, VehicleEvccidsRepository, SessionLinker, FleetIdentifiers],
})
export class FleetIdentityModule {}
