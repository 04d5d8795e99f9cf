import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { OcppModule } from '../ocpp/ocpp.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { HttpRequestMetrics } from './http-request-metrics';
import { MetricsCollector } from './metrics-collector';
import { MetricsController } from './metrics.controller';
import { PROMETHEUS_REGISTRY } from './metrics.tokens';
import { createPrometheusRegistry } from './prometheus-registry';

/** GET /metrics in Prometheus text format (prom-client), fed by HTTP requests, scheduling and OCPP events. */
@Module({
  imports: [OcppModule, SchedulingModule],
  controllers: [MetricsController],
  // HttpRequestMetrics is a middleware: Nest makes its one instance itself (as a provider too, it would make two).
  providers: [{ provide: PROMETHEUS_REGISTRY, useFactory: createPrometheusRegistry }, MetricsCollector],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpRequestMetrics).forRoutes('{*splat}');
  }
}
