/**
 * Back-off bookkeeping for failed authentications, per key (a charge point id, a remote address). Pure: the time is an
 * argument. The `maxFailures`-th failure blocks the key for baseMs, each further one for twice as
 * long as the one before (up to maxMs); the failures before it cost nothing. A key with no failure for `forgetAfterMs` starts over, and at most
 * `maxKeys` keys are kept (the least recently failed one goes first), so a flood of made-up ids cannot grow memory.
 */
export interface BackoffPolicy {
  maxFailures: number;
  baseMs: number;
  maxMs: number;
  forgetAfterMs: number;
  maxKeys: number;
}

interface Entry {
  failures: number;
  lastFailureMs: number;
  blockedUntilMs: number;
}

export class FailureBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly policy: BackoffPolicy) {}

  /** Milliseconds the key must still wait; 0 when it may try. */
  blockedForMs(key: string, nowMs: number): number {
    const entry = this.live(key, nowMs);
    return entry ? Math.max(0, entry.blockedUntilMs - nowMs) : 0;
  }

  /** Counts a failure (or an attempt not yet proven good, see handshake-auth.ts); returns the block it earned (ms). */
  failed(key: string, nowMs: number): number {
    const entry = this.live(key, nowMs) ?? { failures: 0, lastFailureMs: nowMs, blockedUntilMs: 0 };
    entry.failures += 1;
    entry.lastFailureMs = nowMs;
    const over = entry.failures - this.policy.maxFailures + 1;
    const blockMs = over > 0 ? Math.min(this.policy.maxMs, this.policy.baseMs * 2 ** Math.min(over - 1, 30)) : 0;
    entry.blockedUntilMs = Math.max(entry.blockedUntilMs, nowMs + blockMs);
    // Re-inserted at the end: the Map's order is then least recently failed first, which is what eviction drops.
    this.entries.delete(key);
    if (this.entries.size >= this.policy.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
    return blockMs;
  }

  /** A success: the key starts over. */
  succeeded(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private live(key: string, nowMs: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && nowMs - entry.lastFailureMs > this.policy.forgetAfterMs && nowMs >= entry.blockedUntilMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
