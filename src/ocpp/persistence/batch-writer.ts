import { Logger } from '@nestjs/common';

interface Entry<Row> {
  row: Row;
  /** Set for a row whose sender waits for it to be stored (addDurable). */
  committed?: { resolve(): void; reject(error: Error): void };
}

/**
 * Collects rows in memory and hands them to `write` in batches: when `maxRows` are waiting or every `intervalMs`.
 * One batch is written at a time, so rows land in the order they were added.
 * - `add`: fire and forget. A failed batch's rows are retried at the next flush (kept until `maxBufferedRows`, beyond
 *   which the oldest are dropped and counted, so a database outage cannot exhaust memory).
 * - `addDurable`: the caller waits until the row is committed, so it can answer only for what is stored. Such rows are
 *   written as soon as the batch before them is done (group commit: they batch up while a write is under way), and a
 *   failed write rejects them instead of keeping them: their sender retries.
 */
export class BatchWriter<Row> {
  private buffer: Entry<Row>[] = [];
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Immediate | null = null;
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
    this.push({ row });
    if (this.buffer.length >= this.maxRows && !this.writing) void this.flush();
  }

  /** Resolves once `row` is committed; rejects if its batch could not be written. */
  addDurable(row: Row): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.push({ row, committed: { resolve, reject } });
      this.soon ??= setImmediate(() => {
        this.soon = null;
        void this.flush();
      });
    });
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
    const entries = this.buffer.splice(0, this.maxRows);
    this.writing = this.write(entries.map((entry) => entry.row))
      .then(() => {
        for (const entry of entries) entry.committed?.resolve();
      })
      .catch((error: unknown) => {
        const retried = entries.filter((entry) => !entry.committed);
        this.buffer.unshift(...retried);
        for (const entry of entries) entry.committed?.reject(error as Error);
        this.logger.error(
          `writing ${entries.length} rows failed (${retried.length} kept for a retry): ${errorText(error)}`,
        );
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
    if (this.buffer.length >= this.maxRows || this.buffer.some((entry) => entry.committed)) await this.flush();
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

  private push(entry: Entry<Row>): void {
    this.buffer.push(entry);
    if (this.buffer.length > this.maxBufferedRows) {
      this.buffer.shift()?.committed?.reject(new Error('too many rows waiting to be written'));
      this.droppedRows++;
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
