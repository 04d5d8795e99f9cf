import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { VehicleEvccidsRepository } from './vehicle-evccids.repository';
import { VehicleIdentityService } from './vehicle-identity.service';
import { VehiclesController } from './vehicles.controller';
import { VehiclesRepository } from './vehicles.repository';
import { VehiclesService } from './vehicles.service';

/** Vehicles and their identity: records, idTags, ISO 15118 EVCCIDs. */
@Module({
  imports: [SitesModule],
  controllers: [VehiclesController],
  providers: [VehiclesRepository, VehiclesService, VehicleEvccidsRepository, VehicleIdentityService],
  exports: [VehiclesService, VehicleIdentityService],
})
export class FleetModule {}
