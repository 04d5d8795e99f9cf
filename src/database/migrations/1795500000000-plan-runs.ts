import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stored scheduling ticks (issue 6), replayable from their input. */
export class PlanRuns1795500000000 implements MigrationInterface {
  name = 'PlanRuns1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "plan_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "siteId" uuid NOT NULL,
        "tickAt" timestamptz NOT NULL,
        "trigger" text NOT NULL,
        "status" text NOT NULL,
        "applied" text NOT NULL,
        "message" text NOT NULL,
        "reason" text,
        "objective" numeric,
        "solveMs" numeric NOT NULL,
        "tickMs" numeric NOT NULL,
        "input" jsonb NOT NULL,
        "result" jsonb NOT NULL,
        "notes" jsonb NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_plan_runs" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_plan_runs_site_tick" ON "plan_runs" ("siteId", "tickAt")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plan_runs"`);
  }
}
