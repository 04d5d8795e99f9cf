import { ConflictException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { CLOCK, Clock } from '../common/clock';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

/** How long a key is remembered: a retry within a day gets the first answer. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600_000;
/** An unfinished request older than this died with its process; its key may be taken again. */
const ABANDONED_AFTER_MS = 5 * 60_000;

export type IdempotencyStart = { kind: 'run' } | { kind: 'replay'; status: number; body: unknown };

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly repository: IdempotencyKeysRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Whether to run the request (the key is new, or expired) or replay the first answer. The same key with another
   * request is the client's mistake (422); with the first request still running, the client is asked to retry (409).
   */
  async start(scope: string, key: string, fingerprint: string): Promise<IdempotencyStart> {
    const now = this.clock.now();
    const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS);
    await this.repository.deleteCreatedBefore(expiredBefore);
    const abandonedBefore = new Date(now.getTime() - ABANDONED_AFTER_MS);
    // The first request may free its key (it failed) between our claim and our read: then claim again.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.repository.claim({ scope, key, fingerprint, createdAt: now }, expiredBefore, abandonedBefore)) {
        return { kind: 'run' };
      }
      const stored = await this.repository.find(scope, key);
      if (!stored) continue;
      if (stored.fingerprint !== fingerprint) {
        throw new UnprocessableEntityException(
          `Idempotency-Key ${key} was used within the last 24 h for a different request; use a new key for a new request`,
        );
      }
      if (stored.status === null) {
        throw new ConflictException(`A request with Idempotency-Key ${key} is still in progress; retry shortly`);
      }
      return { kind: 'replay', status: stored.status, body: stored.body };
    }
    throw new ConflictException(`Idempotency-Key ${key} is in use by concurrent requests; retry shortly`);
  }

  complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    return this.repository.complete(scope, key, status, body);
  }

  release(scope: string, key: string): Promise<void> {
    return this.repository.release(scope, key);
  }
}
