import { Module } from '@nestjs/common';
import { ChargersModule } from '../chargers/chargers.module';
import { OcppModule } from '../ocpp/ocpp.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { SitesModule } from '../sites/sites.module';
import { DashboardAssets } from './dashboard-assets';
import { DashboardController } from './dashboard.controller';
import { DASHBOARD_ASSETS, DashboardPageController } from './dashboard-page.controller';
import { DashboardService } from './dashboard.service';

/**
 * The dispatcher dashboard (issue 7): the page at `/` with its scripts and uPlot, and one read that gathers what the
 * page draws besides the dispatch boards. The page calls the dispatch API (boards, overrides, stream) for the rest.
 */
@Module({
  imports: [SitesModule, ChargersModule, OcppModule, SchedulingModule],
  controllers: [DashboardPageController, DashboardController],
  providers: [DashboardService, { provide: DASHBOARD_ASSETS, useFactory: () => new DashboardAssets() }],
})
export class DashboardModule {}
