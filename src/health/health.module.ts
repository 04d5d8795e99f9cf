import { DynamicModule, Module } from '@nestjs/common';
import { DATABASE_PROBE_INTERVAL_MS, DatabaseAvailability } from './database-availability';
import { HealthController } from './health.controller';
import { DATABASE_INFO, HealthService } from './health.service';

/** How often the database is probed while the service runs. */
const PROBE_INTERVAL_MS = 1000;

/** /health, and the database probe behind 503 for API requests while the database is away. */
@Module({})
export class HealthModule {
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
      exports: [DatabaseAvailability],
    };
  }
}
