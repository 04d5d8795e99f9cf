import { Module } from '@nestjs/common';
import { ChargersModule } from '../chargers/chargers.module';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/app-config';
import { FleetModule } from '../fleet/fleet.module';
import { SocTrackingModule } from '../soc-tracking/soc-tracking.module';
import { SocTrackingService } from '../soc-tracking/soc-tracking.service';
import { OcppModule } from '../ocpp/ocpp.module';
import { SitesModule } from '../sites/sites.module';
import { TasksModule } from '../tasks/tasks.module';
import { ControlRefusals } from './adapters/control-refusals';
import { OcppChargerLiveState } from './adapters/ocpp-charger-live-state';
import { OcppPlanApplier } from './adapters/ocpp-plan.applier';
import { SafeDefaultOnBoot } from './adapters/safe-default-on-boot';
import { CHARGER_LIVE_STATE, TASK_ENERGY, VEHICLE_LIVE_STATE } from './live-state.ports';
import { PLAN_APPLIER } from './plan-applier.port';
import { CurrentPlanReader } from './current-plan.reader';
import { PlanRunsRepository } from './plan-runs.repository';
import { PlanRunsService } from './plan-runs.service';
import { SchedulingController } from './scheduling.controller';
import { SchedulingEvents } from './scheduling-events';
import { defaultSchedulingOptions, SCHEDULING_OPTIONS } from './scheduling-options';
import { SiteSnapshotReader } from './site-snapshot.reader';
import { SiteTickService } from './site-tick.service';
import { TickScheduler } from './tick-scheduler';

@Module({
  imports: [SitesModule, ChargersModule, FleetModule, TasksModule, OcppModule, SocTrackingModule],
  controllers: [SchedulingController],
  providers: [
    CurrentPlanReader,
    {
      provide: SCHEDULING_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...defaultSchedulingOptions(config.tickSeconds, config.planRetentionDays),
        autoStart: config.schedulerAutostart,
        controlRetryMinutes: config.controlRetryMinutes,
        ...(config.solveTimeLimitSeconds !== undefined ? { solveTimeLimitSeconds: config.solveTimeLimitSeconds } : {}),
      }),
    },
    { provide: CHARGER_LIVE_STATE, useClass: OcppChargerLiveState },
    { provide: VEHICLE_LIVE_STATE, useExisting: SocTrackingService },
    { provide: TASK_ENERGY, useExisting: SocTrackingService },
    { provide: PLAN_APPLIER, useClass: OcppPlanApplier },
    SafeDefaultOnBoot,
    ControlRefusals,
    PlanRunsRepository,
    PlanRunsService,
    SchedulingEvents,
    SiteSnapshotReader,
    SiteTickService,
    TickScheduler,
  ],
  exports: [SiteTickService, SchedulingEvents, PlanRunsService, CurrentPlanReader, ControlRefusals],
})
export class SchedulingModule {}
