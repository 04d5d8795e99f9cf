import { DatabaseAvailability } from './health/database-availability';
import { DatabaseAvailabilityMiddleware } from './health/database-availability.middleware';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { Clock, systemClock } from './common/clock';
import { AppConfig } from './config/app-config';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { SafeInputPipe } from './common/input/safe-input.pipe';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation.pipe';
import { DatabaseTarget } from './database/data-source-options';
import { AppLogger } from './logging/app-logger';
import { HttpRequestMetrics } from './metrics/http-request-metrics';
import { requestLogging } from './logging/request-logging.middleware';
import { setupOpenApi } from './openapi/setup-openapi';

/** Builds the whole service (not yet listening): used by main.ts and by the end-to-end tests alike. */
export async function createApp(
  config: AppConfig,
  database: DatabaseTarget & { embedded?: boolean },
  clock: Clock = systemClock,
): Promise<INestApplication> {
  const logger = new AppLogger(config.logLevel, config.logFormat);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database, clock), {
    logger,
    bufferLogs: false,
    // Nest would call process.abort() on an initialisation error; main.ts reports it in one line instead.
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  app.use(app.get(HttpRequestMetrics).use);
  app.use(securityHeaders);
  app.use('/api', new DatabaseAvailabilityMiddleware(app.get(DatabaseAvailability)).use);
  // The largest valid body is a site with 10,000 tariff steps (~1 MB); depth is bounded by SafeInputPipe.
  app.useBodyParser('json', { limit: '5mb' });
  app.useGlobalPipes(new SafeInputPipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  setupOpenApi(app);
  return app;
}
