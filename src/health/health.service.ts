import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const DATABASE_INFO = Symbol('DATABASE_INFO');

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { up: boolean; embedded: boolean; error?: string };
}

/** Whether the database answers a query now; a failure is a report with its reason, never an exception. */
@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_INFO) private readonly database: { embedded: boolean },
  ) {}

  async report(): Promise<HealthReport> {
    const { embedded } = this.database;
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: { up: true, embedded } };
    } catch (error) {
      return { status: 'degraded', database: { up: false, embedded, error: (error as Error).message } };
    }
  }
}
