import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ChargersModule } from '../chargers/chargers.module';
import { FleetModule } from '../fleet/fleet.module';
import { FlightsModule } from '../flights/flights.module';
import { SocTrackingModule } from '../soc-tracking/soc-tracking.module';
import { OcppModule } from '../ocpp/ocpp.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { SitesModule } from '../sites/sites.module';
import { TasksModule } from '../tasks/tasks.module';
import { DispatchBoardController } from './board/dispatch-board.controller';
import { DispatchBoardService } from './board/dispatch-board.service';
import { AlertLog } from './events/alert-log';
import { AlertWatcher } from './events/alert-watcher';
import { AssignmentWatcher } from './events/assignment-watcher';
import { DispatchEvents } from './events/dispatch-events';
import { FlightOverrideAudit } from './overrides/flight-override-audit';
import { OverrideRecorder } from './overrides/override-recorder';
import { OverridesController } from './overrides/overrides.controller';
import { OverridesRepository } from './overrides/overrides.repository';
import { OverridesService } from './overrides/overrides.service';
import { StreamQueryTokenMiddleware } from './stream/query-token.middleware';
import { SiteStream } from './stream/site-stream';
import { SiteStreamController, STREAM_ROUTE } from './stream/site-stream.controller';

/** The dispatcher's API (DESIGN.md §1): overrides the next tick honours, boards, alerts and the live stream. */
@Module({
  imports: [
    AuthModule,
    SitesModule,
    ChargersModule,
    FleetModule,
    SocTrackingModule,
    TasksModule,
    OcppModule,
    SchedulingModule,
    FlightsModule,
  ],
  controllers: [OverridesController, DispatchBoardController, SiteStreamController],
  providers: [
    DispatchEvents,
    OverridesRepository,
    OverrideRecorder,
    FlightOverrideAudit,
    OverridesService,
    AlertLog,
    AssignmentWatcher,
    DispatchBoardService,
    AlertWatcher,
    SiteStream,
  ],
  exports: [DispatchEvents],
})
export class DispatchModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(StreamQueryTokenMiddleware).forRoutes({ path: STREAM_ROUTE, method: RequestMethod.GET });
  }
}
