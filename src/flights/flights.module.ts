import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { SitesModule } from '../sites/sites.module';
import { TasksModule } from '../tasks/tasks.module';
import { FlightEvents } from './flight-events';
import { FlightTaskSync } from './flight-task-sync';
import { FlightUpdatesService } from './flight-updates.service';
import { FlightsController } from './flights.controller';
import { FlightsService } from './flights.service';
import { FlightsRepository } from './persistence/flights.repository';
import { StandsRepository } from './persistence/stands.repository';
import { ScheduleImportService } from './schedule-import.service';
import { TextBodyMiddleware } from './text-body.middleware';

/** DESIGN.md §8: stands, schedule import (SSIM, CSV), live flight updates, and the tasks derived from flights. */
@Module({
  imports: [SitesModule, TasksModule, SchedulingModule],
  controllers: [FlightsController],
  providers: [
    FlightsRepository,
    StandsRepository,
    FlightEvents,
    FlightTaskSync,
    FlightsService,
    ScheduleImportService,
    FlightUpdatesService,
  ],
  exports: [FlightsService, FlightEvents],
})
export class FlightsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(TextBodyMiddleware)
      .forRoutes({ path: 'api/v1/sites/:siteId/flight-schedule', method: RequestMethod.POST });
  }
}
