import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { ChargerCredentialEvents } from './charger-credential-events';
import { ChargersController } from './chargers.controller';
import { ChargersRepository } from './chargers.repository';
import { ChargersService } from './chargers.service';

@Module({
  imports: [SitesModule],
  controllers: [ChargersController],
  providers: [ChargersRepository, ChargersService, ChargerCredentialEvents],
  exports: [ChargersService, ChargerCredentialEvents],
})
export class ChargersModule {}
