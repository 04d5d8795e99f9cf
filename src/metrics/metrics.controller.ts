import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { Public } from '../auth/roles.decorator';
import { PROMETHEUS_REGISTRY } from './metrics.tokens';

/**
 * Public like /health (DESIGN.md §2b lists it beside /health and /docs, outside the keyed /api/v1): Prometheus
 * scrapes it without a key. It holds counts, durations and site power only; keep it off the public network.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(PROMETHEUS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Public()
  async metrics(@Res({ passthrough: true }) response: Response): Promise<string> {
    const text = await this.registry.metrics();
    response.setHeader('Content-Type', this.registry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    return text;
  }
}
