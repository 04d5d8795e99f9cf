import { Module } from '@nestjs/common';
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
  providers: [
    { provide: PROMETHEUS_REGISTRY, useFactory: createPrometheusRegistry },
    MetricsCollector,
    HttpRequestMetrics,
  ],
  exports: [HttpRequestMetrics],
})
export class MetricsModule {}
