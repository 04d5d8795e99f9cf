import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dispatcher overrides (issue 6): pins and forbids on transfer tasks, and the audit of every override. */
export class DispatchOverrides1795600000000 implements MigrationInterface {
  name = 'DispatchOverrides1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "transfer_tasks"
        ADD "pinnedVehicles" text[] NOT NULL DEFAULT '{}',
        ADD "forbiddenVehicles" text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`
      CREATE TABLE "dispatch_overrides" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "siteId" uuid NOT NULL,
        "kind" text NOT NULL,
        "taskId" uuid,
        "vehicleId" uuid,
        "details" jsonb NOT NULL,
        "apiKeyId" uuid,
        "role" text NOT NULL,
        "at" timestamptz NOT NULL,
        CONSTRAINT "PK_dispatch_overrides" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_dispatch_overrides_site_at" ON "dispatch_overrides" ("siteId", "at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dispatch_overrides"`);
    await queryRunner.query(
      `ALTER TABLE "transfer_tasks" DROP COLUMN "forbiddenVehicles", DROP COLUMN "pinnedVehicles"`,
    );
  }
}
