import { Inject, Injectable } from '@nestjs/common';
import { DatabaseAvailability } from './database-availability';

export const DATABASE_INFO = Symbol('DATABASE_INFO');

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { up: boolean; embedded: boolean; error?: string };
}

/**
 * Whether the database answers a query now, within a few seconds (a hung database is reported, not waited for); a
 * failure is a report with its reason in general words, never an exception.
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly availability: DatabaseAvailability,
    @Inject(DATABASE_INFO) private readonly database: { embedded: boolean },
  ) {}

  async report(): Promise<HealthReport> {
    const { embedded } = this.database;
    const state = await this.availability.probe();
    if (state.up) return { status: 'ok', database: { up: true, embedded } };
    return { status: 'degraded', database: { up: false, embedded, error: state.error } };
  }
}
