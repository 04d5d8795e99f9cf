import type { NextFunction, Request, Response } from 'express';
import { RETRY_AFTER_SECONDS } from '../common/database-errors';
import { DatabaseAvailability } from './database-availability';

/**
 * API requests while the database is away: 503 with Retry-After, not a hang or a 500. Mounted on /api with app.use
 * (app-factory.ts), ahead of authentication, which needs the database too.
 */
export class DatabaseAvailabilityMiddleware {
  constructor(private readonly availability: DatabaseAvailability) {}

  readonly use = (_request: Request, response: Response, next: NextFunction): void => {
    const state = this.availability.current;
    if (state.up) return next();
    response
      .status(503)
      .setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
      .json({ statusCode: 503, error: 'Service Unavailable', message: `${state.error}; try again shortly` });
  };
}
