import { Module } from '@nestjs/common';
import { OcppModule } from '../ocpp/ocpp.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { MetricRegistry } from './metric-registry';
import { MetricsCollector } from './metrics-collector';
import { MetricsController } from './metrics.controller';

/** GET /metrics in Prometheus text format, fed by scheduling and OCPP events. */
@Module({
  imports: [OcppModule, SchedulingModule],
  controllers: [MetricsController],
  providers: [MetricRegistry, MetricsCollector],
})
export class MetricsModule {}
