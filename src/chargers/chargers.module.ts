import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module';
import { ChargersController } from './chargers.controller';
import { ChargersRepository } from './chargers.repository';
import { ChargersService } from './chargers.service';

@Module({
  imports: [SitesModule],
  controllers: [ChargersController],
  providers: [ChargersRepository, ChargersService],
  exports: [ChargersService],
})
export class ChargersModule {}
