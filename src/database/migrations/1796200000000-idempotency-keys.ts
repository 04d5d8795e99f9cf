import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 17: Idempotency-Key on creates, one row per (API key, Idempotency-Key), kept 24 h. */
export class IdempotencyKeys1796200000000 implements MigrationInterface {
  name = 'IdempotencyKeys1796200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "scope" text NOT NULL,
        "key" text NOT NULL,
        "fingerprint" text NOT NULL,
        "status" integer,
        "body" jsonb,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_idempotency_keys" PRIMARY KEY ("scope", "key")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_createdAt" ON "idempotency_keys" ("createdAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
