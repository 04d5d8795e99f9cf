import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { OCPP_CONFIG, OcppConfig } from '../config/ocpp-config';
import { BatchWriter } from './batch-writer';
import { MessageLogInsert, MessageLogRepository } from './message-log.repository';

const RETENTION_SWEEP_MS = 10 * 60 * 1000;

/** The raw frame log: batched like the meter samples, and swept of rows older than the retention. */
@Injectable()
export class MessageLogWriter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OcppMessageLog');
  private readonly writer: BatchWriter<MessageLogInsert>;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: MessageLogRepository,
    @Inject(OCPP_CONFIG) private readonly config: OcppConfig,
  ) {
    this.writer = new BatchWriter(
      'OcppMessageLog',
      (rows) => this.repository.insertMany(rows),
      config.flushIntervalMs,
      config.flushMaxRows,
    );
  }

  get enabled(): boolean {
    return this.config.messageLogRetentionHours > 0;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.writer.start();
    this.sweeper = setInterval(() => void this.sweep(), RETENTION_SWEEP_MS);
    this.sweeper.unref();
    void this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.writer.stop();
  }

  add(chargePointId: string, direction: 'in' | 'out', frame: string): void {
    if (this.enabled) this.writer.add({ chargePointId, direction, frame, at: new Date() });
  }

  flush(): Promise<void> {
    return this.writer.flush();
  }

  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.messageLogRetentionHours * 3600 * 1000);
    try {
      return await this.repository.deleteOlderThan(cutoff);
    } catch (error) {
      this.logger.warn(`retention sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
