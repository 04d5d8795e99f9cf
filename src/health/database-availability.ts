import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseState, probeDatabase } from './database-probe';

export const DATABASE_PROBE_INTERVAL_MS = Symbol('DATABASE_PROBE_INTERVAL_MS');

/**
 * Whether the database answers, probed every few seconds: while it does not (cut or hung), API requests are answered
 * 503 at once instead of each waiting for the driver's timeouts, and the first probe that gets an answer lets them
 * through again.
 */
@Injectable()
export class DatabaseAvailability implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseAvailability.name);
  private state: DatabaseState = { up: true };
  private timer?: NodeJS.Timeout;
  private probing = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_PROBE_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.probe(), this.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  get current(): DatabaseState {
    return this.state;
  }

  /** Probes now (a probe already under way is not doubled) and records what it found. */
  async probe(): Promise<DatabaseState> {
    if (this.probing) return this.state;
    this.probing = true;
    try {
      this.record(await probeDatabase(() => this.dataSource.query('SELECT 1')));
      return this.state;
    } finally {
      this.probing = false;
    }
  }

  private record(state: DatabaseState): void {
    if (state.up !== this.state.up) {
      if (state.up) this.logger.log('database answers again');
      else this.logger.error(`database down: ${state.error}`);
    }
    this.state = state;
  }
}
