import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator';
import { MetricRegistry } from './metric-registry';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text';

/**
 * Public like /health (DESIGN.md §2b lists it beside /health and /docs, outside the keyed /api/v1): Prometheus
 * scrapes it without a key. It holds counts, durations and site power only; keep it off the public network.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricRegistry) {}

  @Get()
  @Public()
  @Header('Content-Type', PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  metrics(): string {
    return this.registry.render();
  }
}
