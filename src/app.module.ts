import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { ChargersModule } from './chargers/chargers.module';
import { Clock, systemClock } from './common/clock';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseTarget, dataSourceOptions } from './database/data-source-options';
import { DispatchModule } from './dispatch/dispatch.module';
import { FleetModule } from './fleet/fleet.module';
import { FlightsModule } from './flights/flights.module';
import { SocTrackingModule } from './soc-tracking/soc-tracking.module';
import { HealthModule } from './health/health.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { MetricsModule } from './metrics/metrics.module';
import { OcppModule } from './ocpp/ocpp.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { SitesModule } from './sites/sites.module';
import { TasksModule } from './tasks/tasks.module';

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    database: DatabaseTarget & { embedded?: boolean },
    clock: Clock = systemClock,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        // The embedded database runs in this process: a few quick retries cover a connection the previous service
        // still held; a database that cannot be opened is refused before this (embedded-data-dir.ts).
        TypeOrmModule.forRoot({
          ...dataSourceOptions(database),
          ...(database.embedded ? { retryAttempts: 3, retryDelay: 1000 } : {}),
        }),
        AuthModule,
        IdempotencyModule,
        SitesModule,
        ChargersModule,
        FleetModule,
        TasksModule,
        OcppModule,
        SocTrackingModule,
        ScheduleModule.forRoot(),
        SchedulingModule,
        DispatchModule,
        FlightsModule,
        DashboardModule,
        MetricsModule,
        HealthModule.forRoot({ embedded: database.embedded ?? false }),
      ],
    };
  }
}
