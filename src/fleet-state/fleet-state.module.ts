import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module';
import { OcppModule } from '../ocpp/ocpp.module';
import { SitesModule } from '../sites/sites.module';
import { TasksModule } from '../tasks/tasks.module';
import { FLEET_STATE_OPTIONS, loadFleetStateOptions } from './common/fleet-state-options';
import { FleetController } from './fleet-api/fleet.controller';
import { LinkingController } from './fleet-api/linking.controller';
import { FleetStateService } from './fleet-state.service';
import { FleetIdentityModule } from './linking/fleet-identity.module';
import { SessionLinksService } from './linking/session-links.service';
import { ChargerSocReporting } from './ocpp-feed/charger-soc-reporting';
import { OcppFleetFeed } from './ocpp-feed/ocpp-fleet-feed';
import { RegisterCheckpoints } from './ocpp-feed/register-checkpoints';
import { SessionSocFeeder } from './ocpp-feed/session-soc-feeder';
import { ConsumptionLearnerRepository } from './persistence/consumption-learner.repository';
import { FleetSessionsRepository } from './persistence/fleet-sessions.repository';
import { SocHistoryRepository } from './persistence/soc-history.repository';
import { SocStatesRepository } from './persistence/soc-states.repository';
import { TaskAssignmentsRepository } from './persistence/task-assignments.repository';
import { TelemetryReadingsRepository } from './persistence/telemetry-readings.repository';
import { SocHistoryService } from './soc/soc-history.service';
import { VehicleSocStore } from './soc/vehicle-soc-store';
import { ConsumptionModel } from './tasks/consumption-model';
import { TaskAssignmentsService } from './tasks/task-assignments.service';
import { TaskCompletions } from './tasks/task-completions';
import { TelemetryController } from './telemetry/telemetry.controller';
import { TelemetryService } from './telemetry/telemetry.service';

/**
 * Fleet state (issue 5): per-vehicle SoC estimates fed by chargers (OCPP events), telematics and done tasks;
 * session–vehicle linking; consumption learning; the fleet API; FleetStateService for the scheduler.
 */
@Module({
  imports: [FleetModule, SitesModule, TasksModule, OcppModule, FleetIdentityModule],
  controllers: [TelemetryController, FleetController, LinkingController],
  providers: [
    { provide: FLEET_STATE_OPTIONS, useFactory: () => loadFleetStateOptions() },
    SocStatesRepository,
    SocHistoryRepository,
    TelemetryReadingsRepository,
    FleetSessionsRepository,
    ConsumptionLearnerRepository,
    TaskAssignmentsRepository,
    VehicleSocStore,
    SocHistoryService,
    ConsumptionModel,
    SessionSocFeeder,
    RegisterCheckpoints,
    ChargerSocReporting,
    OcppFleetFeed,
    SessionLinksService,
    TaskCompletions,
    TaskAssignmentsService,
    TelemetryService,
    FleetStateService,
  ],
  exports: [FleetStateService],
})
export class FleetStateModule {}
