import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { IdempotencyKeyRow } from './idempotency-key.entity';

@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(IdempotencyKeyRow);
  }

  /**
   * Takes the key for a new request: inserts it, or takes over a row that is `reusableBefore` (expired) or an
   * unfinished one `abandonedBefore` (its request died with its process). The primary key makes this atomic: of two
   * concurrent requests with one key, exactly one gets true.
   */
  async claim(
    row: Pick<IdempotencyKeyRow, 'scope' | 'key' | 'fingerprint' | 'createdAt'>,
    reusableBefore: Date,
    abandonedBefore: Date,
  ): Promise<boolean> {
    const claimed = (await this.dataSource.query(
      `INSERT INTO "idempotency_keys" ("scope", "key", "fingerprint", "createdAt") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("scope", "key") DO UPDATE
         SET "fingerprint" = EXCLUDED."fingerprint", "createdAt" = EXCLUDED."createdAt", "status" = NULL, "body" = NULL
         WHERE "idempotency_keys"."createdAt" < $5
            OR ("idempotency_keys"."status" IS NULL AND "idempotency_keys"."createdAt" < $6)
       RETURNING "scope"`,
      [row.scope, row.key, row.fingerprint, row.createdAt, reusableBefore, abandonedBefore],
    )) as unknown[];
    return claimed.length > 0;
  }

  find(scope: string, key: string): Promise<IdempotencyKeyRow | null> {
    return this.repo.findOne({ where: { scope, key } });
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.repo.update({ scope, key }, { status, body: body as object });
  }

  /** Frees the key of a request that failed, so the client may retry with it. */
  async release(scope: string, key: string): Promise<void> {
    await this.repo.delete({ scope, key, status: IsNull() });
  }

  async deleteCreatedBefore(before: Date): Promise<void> {
    await this.repo.delete({ createdAt: LessThan(before) });
  }
}
