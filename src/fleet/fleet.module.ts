import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { VehicleDirectory } from './vehicle-directory';
import { VehicleEvccidsRepository } from './vehicle-evccids.repository';
import { VehicleIdentityService } from './vehicle-identity.service';
import { VehiclesController } from './vehicles.controller';
import { VehiclesRepository } from './vehicles.repository';
import { VehiclesService } from './vehicles.service';

/** Vehicles and their identity: records, idTags, ISO 15118 EVCCIDs. */
@Module({
  imports: [SitesModule],
  controllers: [VehiclesController],
  providers: [VehiclesRepository, VehiclesService, VehicleDirectory, VehicleEvccidsRepository, VehicleIdentityService],
  exports: [VehiclesService, VehicleDirectory, VehicleIdentityService],
})
export class FleetModule {}
