import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry } from 'prom-client';
import { routeTemplate } from '../common/http/route-template';
import { PROMETHEUS_REGISTRY } from './metrics.tokens';

/** Seconds: from a cached read (ms) to a slow report or a large import. */
const BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Times every HTTP request by method, route template and status. The route is the template it matched, never the raw
 * path (ids would make a series per object); requests answered before routing share one label. Mounted first with
 * app.use (app-factory.ts), so answers given before routing (unknown paths, unreadable bodies, 503 while the database
 * is away) are timed too.
 */
@Injectable()
export class HttpRequestMetrics {
  private readonly durationSeconds: Histogram<'method' | 'route' | 'status'>;

  constructor(@Inject(PROMETHEUS_REGISTRY) registry: Registry) {
    this.durationSeconds = new Histogram({
      name: 'apron_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status, from arrival to the response sent',
      labelNames: ['method', 'route', 'status'],
      buckets: BUCKETS_SECONDS,
      registers: [registry],
    });
  }

  readonly use = (request: Request, response: Response, next: NextFunction): void => {
    const stop = this.durationSeconds.startTimer();
    response.on('finish', () =>
      stop({ method: request.method, route: routeTemplate(request), status: String(response.statusCode) }),
    );
    next();
  };
}
