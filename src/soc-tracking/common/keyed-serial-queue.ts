/**
 * Runs jobs one at a time per key, keys in parallel. A failed job is reported to `onError` and never stops the
 * jobs after it, so a caller on a message path can enqueue and return at once.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly onError: (key: string, error: unknown) => void) {}

  /** Enqueues `job` behind the key's earlier jobs; the promise settles with the job (rejects as the job does). */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job);
    const tail = result.then(
      () => undefined,
      (error: unknown) => this.onError(key, error),
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Fire and forget: errors go to `onError` only. */
  push(key: string, job: () => Promise<unknown>): void {
    this.run(key, job).catch(() => undefined);
  }

  get pendingKeys(): number {
    return this.tails.size;
  }

  /** Resolves when every job enqueued so far (and any they enqueue) has settled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
