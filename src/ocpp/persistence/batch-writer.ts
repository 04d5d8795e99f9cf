import { Logger } from '@nestjs/common';

/**
 * Collects rows in memory and hands them to `write` in batches: when `maxRows` are waiting or every `intervalMs`.
 * The message hot path only calls add(); one batch is written at a time, so rows land in the order they were added.
 * A failed batch is retried at the next flush (kept until `maxBufferedRows`, beyond which the oldest are dropped and
 * counted, so a database outage cannot exhaust memory).
 */
export class BatchWriter<Row> {
  private buffer: Row[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private droppedRows = 0;
  private readonly logger: Logger;

  constructor(
    name: string,
    private readonly write: (rows: Row[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly maxRows: number,
    private readonly maxBufferedRows = 200_000,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  add(row: Row): void {
    this.buffer.push(row);
    if (this.buffer.length > this.maxBufferedRows) {
      this.buffer.shift();
      this.droppedRows++;
    }
    if (this.buffer.length >= this.maxRows && !this.writing) void this.flush();
  }

  get pendingRows(): number {
    return this.buffer.length;
  }

  get dropped(): number {
    return this.droppedRows;
  }

  /** Writes everything added so far (waits for a batch already being written first). */
  async flush(): Promise<void> {
    // A failed batch was logged and put back; waiting on it must not throw into a timer callback.
    while (this.writing) await this.writing.catch(() => undefined);
    if (this.buffer.length === 0) return;
    const rows = this.buffer.splice(0, this.maxRows);
    this.writing = this.write(rows)
      .catch((error: unknown) => {
        this.buffer.unshift(...rows);
        this.logger.error(`writing ${rows.length} rows failed, will retry: ${(error as Error).message}`);
        throw error;
      })
      .finally(() => {
        this.writing = null;
      });
    try {
      await this.writing;
    } catch {
      return;
    }
    if (this.buffer.length >= this.maxRows) await this.flush();
  }

  /**
   * Stops the timer and writes what is left. A batch that fails is tried again a few times, a little later each time:
   * at shutdown there is no next flush, and a dropped connection is often gone by the next attempt.
   */
  async stop(retryDelaysMs: readonly number[] = [100, 500, 1500]): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    let failures = 0;
    for (;;) {
      // A batch the timer took is no longer in the buffer but may still fail and come back: wait for it first (not
      // waiting let the database close under it, and its rows were lost).
      while (this.writing) await this.writing.catch(() => undefined);
      if (this.buffer.length === 0) return;
      const before = this.buffer.length;
      await this.flush();
      if (this.buffer.length < before) continue;
      if (failures >= retryDelaysMs.length) {
        this.logger.error(`${this.buffer.length} rows not written at shutdown`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[failures++]));
    }
  }
}
