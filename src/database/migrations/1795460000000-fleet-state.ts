import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fleet state (issue 5): per-vehicle SoC estimators, SoC history, telemetry readings, session–vehicle links with their
 * pending inputs, EVCCIDs, the consumption learner and task assignments. No foreign keys to vehicles or tasks: a
 * deleted vehicle leaves rows nobody reads, and deleting it must not wait on this feature.
 */
export class FleetState1795460000000 implements MigrationInterface {
  name = 'FleetState1795460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "fleet_vehicle_soc_states" (
        "vehicleId" uuid NOT NULL,
        "estimator" jsonb NOT NULL,
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fleet_vehicle_soc_states" PRIMARY KEY ("vehicleId")
      )`);
    await queryRunner.query(`
      CREATE TABLE "fleet_soc_history" (
        "vehicleId" uuid NOT NULL,
        "at" timestamptz NOT NULL,
        "source" text NOT NULL,
        "socPercent" double precision NOT NULL,
        "uncertaintyPercent" double precision NOT NULL,
        "readingPercent" double precision,
        CONSTRAINT "PK_fleet_soc_history" PRIMARY KEY ("vehicleId", "at", "source")
      )`);
    await queryRunner.query(`
      CREATE TABLE "fleet_telemetry_readings" (
        "vehicleId" uuid NOT NULL,
        "at" timestamptz NOT NULL,
        "socPercent" double precision,
        "odometerKm" double precision,
        "latitude" double precision,
        "longitude" double precision,
        "state" text,
        "receivedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fleet_telemetry_readings" PRIMARY KEY ("vehicleId", "at")
      )`);
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
      CREATE TABLE "fleet_session_pending_events" (
        "sessionId" uuid NOT NULL,
        "eventKey" text NOT NULL,
        "event" jsonb NOT NULL,
        CONSTRAINT "PK_fleet_session_pending_events" PRIMARY KEY ("sessionId", "eventKey")
      )`);
    await queryRunner.query(`
      CREATE TABLE "fleet_vehicle_evccids" (
        "evccid" text NOT NULL,
        "vehicleId" uuid NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fleet_vehicle_evccids" PRIMARY KEY ("evccid")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_fleet_vehicle_evccids_vehicle" ON "fleet_vehicle_evccids" ("vehicleId")`,
    );
    await queryRunner.query(`
      CREATE TABLE "fleet_consumption_learner" (
        "id" text NOT NULL,
        "learner" jsonb NOT NULL,
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fleet_consumption_learner" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "fleet_task_assignments" (
        "taskId" uuid NOT NULL,
        "vehicleId" uuid NOT NULL,
        "siteId" uuid NOT NULL,
        "completedAt" timestamptz,
        "observedAt" timestamptz,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_fleet_task_assignments" PRIMARY KEY ("taskId", "vehicleId")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_fleet_task_assignments_vehicle" ON "fleet_task_assignments" ("vehicleId")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'fleet_task_assignments',
      'fleet_consumption_learner',
      'fleet_vehicle_evccids',
      'fleet_session_pending_events',
      'fleet_sessions',
      'fleet_telemetry_readings',
      'fleet_soc_history',
      'fleet_vehicle_soc_states',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
