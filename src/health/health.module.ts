import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DATABASE_PROBE_INTERVAL_MS, DatabaseAvailability } from './database-availability';
import { DatabaseAvailabilityMiddleware } from './database-availability.middleware';
import { HealthController } from './health.controller';
import { DATABASE_INFO, HealthService } from './health.service';

/** How often the database is probed while the service runs. */
const PROBE_INTERVAL_MS = 1000;

/** /health, and 503 for API requests while the database is away. */
@Module({})
export class HealthModule implements NestModule {
  static forRoot(database: { embedded: boolean }): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        { provide: DATABASE_INFO, useValue: database },
        { provide: DATABASE_PROBE_INTERVAL_MS, useValue: PROBE_INTERVAL_MS },
        DatabaseAvailability,
        HealthService,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(DatabaseAvailabilityMiddleware).forRoutes({ path: 'api/*path', method: RequestMethod.ALL });
  }
}
