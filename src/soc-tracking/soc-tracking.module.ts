import { Module } from '@nestjs/common';
import { FleetModule } from '../fleet/fleet.module';
import { OcppModule } from '../ocpp/ocpp.module';
import { SitesModule } from '../sites/sites.module';
import { TasksModule } from '../tasks/tasks.module';
import { FleetController } from './api/fleet.controller';
import { loadSocTrackingOptions, SOC_TRACKING_OPTIONS } from './common/soc-tracking-options';
import { ChargerSocReporting } from './ocpp-feed/charger-soc-reporting';
import { OcppFleetFeed } from './ocpp-feed/ocpp-fleet-feed';
import { SessionSocFeeder } from './ocpp-feed/session-soc-feeder';
import { ConsumptionLearnerRepository } from './persistence/consumption-learner.repository';
import { PendingSessionInputsRepository } from './persistence/pending-session-inputs.repository';
import { SocHistoryRepository } from './persistence/soc-history.repository';
import { SocStatesRepository } from './persistence/soc-states.repository';
import { TelemetryReadingsRepository } from './persistence/telemetry-readings.repository';
import { SocHistoryService } from './soc/soc-history.service';
import { VehicleSocStore } from './soc/vehicle-soc-store';
import { SocTrackingService } from './soc-tracking.service';
import { ConsumptionModel } from './tasks/consumption-model';
import { TaskCompletions } from './tasks/task-completions';
import { TelemetryController } from './telemetry/telemetry.controller';
import { TelemetryService } from './telemetry/telemetry.service';

/**
 * SoC tracking: every fleet vehicle's state of charge estimated from the gateway's session events (their counted
 * energy and SoC readings), telematics and done tasks; consumption learning; the fleet API; SocTrackingService for the
 * scheduler and the dispatch board.
 */
@Module({
  imports: [FleetModule, SitesModule, TasksModule, OcppModule],
  controllers: [TelemetryController, FleetController],
  providers: [
    { provide: SOC_TRACKING_OPTIONS, useFactory: () => loadSocTrackingOptions() },
    SocStatesRepository,
    SocHistoryRepository,
    TelemetryReadingsRepository,
    PendingSessionInputsRepository,
    ConsumptionLearnerRepository,
    VehicleSocStore,
    SocHistoryService,
    ConsumptionModel,
    SessionSocFeeder,
    ChargerSocReporting,
    OcppFleetFeed,
    TaskCompletions,
    TelemetryService,
    SocTrackingService,
  ],
  exports: [SocTrackingService],
})
export class SocTrackingModule {}
