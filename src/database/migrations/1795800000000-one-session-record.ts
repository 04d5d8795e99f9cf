import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One session record: the gateway's `ocpp_sessions` row keeps a session's vehicle link (and how it was found), so
 * fleet state's copy `fleet_sessions` goes. Links only that copy had (dispatchers' manual links, EVCCIDs) are carried
 * over; energy was always the gateway's count (`ocpp_sessions.energyWh`) and stays as it is. Vehicle identifiers and
 * task assignment records move to the features that own them (vehicles, tasks), so their tables lose the fleet prefix.
 */
export class OneSessionRecord1795800000000 implements MigrationInterface {
  name = 'OneSessionRecord1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ocpp_sessions" ADD "linkSource" text`);
    await queryRunner.query(`
      UPDATE "ocpp_sessions" AS s SET "vehicleId" = f."vehicleId", "linkSource" = f."linkSource"
      FROM "fleet_sessions" AS f
      WHERE f."sessionId" = s."id" AND f."vehicleId" IS NOT NULL AND (s."vehicleId" IS NULL OR s."vehicleId" = f."vehicleId")`);
    await queryRunner.query(
      `UPDATE "ocpp_sessions" SET "linkSource" = 'id-tag' WHERE "vehicleId" IS NOT NULL AND "linkSource" IS NULL`,
    );
    await queryRunner.query(`DROP TABLE "fleet_sessions"`);
    await renameTable(queryRunner, 'fleet_task_assignments', 'task_assignments', 'vehicle');
    await renameTable(queryRunner, 'fleet_vehicle_evccids', 'vehicle_evccids', 'vehicle');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await renameTable(queryRunner, 'vehicle_evccids', 'fleet_vehicle_evccids', 'vehicle');
    await renameTable(queryRunner, 'task_assignments', 'fleet_task_assignments', 'vehicle');
    await queryRunner.query(`
      CREATE TABLE "fleet_sessions" (
        "sessionId" uuid NOT NULL,
        "chargePointId" text NOT NULL,
        "siteId" uuid,
        "evseId" integer,
        "idTag" text,
        "vehicleId" uuid,
        "linkSource" text,
        "nonFleet" boolean NOT NULL DEFAULT false,
        "startedAt" timestamptz,
        "endedAt" timestamptz,
        "lastRegisterWh" double precision,
        "lastRegisterAt" timestamptz,
        CONSTRAINT "PK_fleet_sessions" PRIMARY KEY ("sessionId")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_fleet_sessions_vehicle" ON "fleet_sessions" ("vehicleId", "startedAt")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_fleet_sessions_cp_open" ON "fleet_sessions" ("chargePointId", "endedAt")`,
    );
    await queryRunner.query(`
      INSERT INTO "fleet_sessions" ("sessionId", "chargePointId", "siteId", "evseId", "idTag", "vehicleId", "linkSource",
        "nonFleet", "startedAt", "endedAt", "lastRegisterWh", "lastRegisterAt")
      SELECT "id", "chargePointId", "siteId", "evseId", "idTag", "vehicleId", "linkSource",
        "vehicleId" IS NULL AND "idTag" IS NOT NULL, "startedAt", "stoppedAt", "lastRegisterWh", "lastRegisterAt"
      FROM "ocpp_sessions"`);
    await queryRunner.query(`ALTER TABLE "ocpp_sessions" DROP COLUMN "linkSource"`);
  }
}

/** A table with its primary key and its one `IDX_<table>_<suffix>` index, renamed together. */
async function renameTable(queryRunner: QueryRunner, from: string, to: string, indexSuffix: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${from}" RENAME TO "${to}"`);
  await queryRunner.query(`ALTER TABLE "${to}" RENAME CONSTRAINT "PK_${from}" TO "PK_${to}"`);
  await queryRunner.query(`ALTER INDEX "IDX_${from}_${indexSuffix}" RENAME TO "IDX_${to}_${indexSuffix}"`);
}
