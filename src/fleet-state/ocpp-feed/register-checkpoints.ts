import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { FLEET_STATE_OPTIONS, FleetStateOptions } from '../common/fleet-state-options';
import { RegisterCheckpoint, FleetSessionsRepository } from '../persistence/fleet-sessions.repository';

/**
 * A session's last energy register reading, written at most once per APRON_FLEET_PERSIST_DELAY_MS instead of once per
 * meter sample: at a thousand samples a second the per-sample UPDATE was the charger path's largest database cost.
 * Losing the latest checkpoints in a crash only makes the next sample's energy step span a longer interval.
 */
@Injectable()
export class RegisterCheckpoints implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RegisterCheckpoints.name);
  private pending = new Map<string, RegisterCheckpoint>();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  /** After shutdown's flush the database closes: no timer may retry against it. */
  private closed = false;

  constructor(
    private readonly sessions: FleetSessionsRepository,
    @Inject(FLEET_STATE_OPTIONS) private readonly options: FleetStateOptions,
  ) {}

  record(checkpoint: RegisterCheckpoint): void {
    this.pending.set(checkpoint.sessionId, checkpoint);
    this.flushLater();
  }

  /** Writes what was recorded so far; a failed write keeps its checkpoints unless newer ones arrived meanwhile. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      try {
        await this.sessions.advanceRegisters([...batch.values()]);
      } catch (error) {
        for (const [sessionId, checkpoint] of batch) {
          if (!this.pending.has(sessionId)) this.pending.set(sessionId, checkpoint);
        }
        this.logger.error(`writing ${batch.size} register checkpoints failed, will retry: ${String(error)}`);
        this.flushLater();
      }
    });
    return this.writing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    this.closed = true;
  }

  private flushLater(): void {
    if (this.closed) return;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.options.persistDelayMs);
    this.timer.unref();
  }
}
