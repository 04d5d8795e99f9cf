import { MigrationInterface, QueryRunner } from 'typeorm';

/** OCPP gateway (issue 3): connection state, connector status, sessions, meter samples, message log, events. */
export class OcppGateway1795400000000 implements MigrationInterface {
  name = 'OcppGateway1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "ocpp_charger_state" (
        "chargePointId" text NOT NULL,
        "chargerId" uuid,
        "online" boolean NOT NULL DEFAULT false,
        "ocppVersion" text,
        "bootStatus" text,
        "vendor" text,
        "model" text,
        "serialNumber" text,
        "firmwareVersion" text,
        "bootedAt" timestamptz,
        "connectedAt" timestamptz,
        "disconnectedAt" timestamptz,
        "lastSeenAt" timestamptz,
        CONSTRAINT "PK_ocpp_charger_state" PRIMARY KEY ("chargePointId")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ocpp_connector_status" (
        "chargePointId" text NOT NULL,
        "evseId" integer NOT NULL,
        "connectorId" integer NOT NULL,
        "status" text NOT NULL,
        "chargingState" text,
        "rawStatus" text NOT NULL,
        "errorCode" text,
        "at" timestamptz NOT NULL,
        CONSTRAINT "PK_ocpp_connector_status" PRIMARY KEY ("chargePointId", "evseId", "connectorId")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ocpp_connector_status_history" (
        "id" BIGSERIAL NOT NULL,
        "chargePointId" text NOT NULL,
        "evseId" integer NOT NULL,
        "connectorId" integer NOT NULL,
        "status" text NOT NULL,
        "chargingState" text,
        "rawStatus" text NOT NULL,
        "errorCode" text,
        "at" timestamptz NOT NULL,
        "receivedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ocpp_connector_status_history" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ocpp_connector_status_history_cp_at" ON "ocpp_connector_status_history" ("chargePointId", "at")`,
    );
    // 1.6 transaction ids: integers > 0 the CSMS assigns (1.6 §6.46); int4 because many chargers store them so.
    await queryRunner.query(`CREATE SEQUENCE "ocpp_v16_transaction_id_seq" AS integer START 1 MINVALUE 1`);
    await queryRunner.query(`
      CREATE TABLE "ocpp_sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "chargePointId" text NOT NULL,
        "chargerId" uuid,
        "siteId" uuid,
        "ocppVersion" text NOT NULL,
        "transactionId" text NOT NULL,
        "startKey" text,
        "evseId" integer,
        "connectorId" integer,
        "idTag" text,
        "vehicleId" uuid,
        "authorizationStatus" text,
        "startedAt" timestamptz,
        "stoppedAt" timestamptz,
        "meterStartWh" double precision,
        "meterStopWh" double precision,
        "lastRegisterWh" double precision,
        "lastRegisterAt" timestamptz,
        "energyWh" double precision NOT NULL DEFAULT 0,
        "registerResets" integer NOT NULL DEFAULT 0,
        "lastSocPercent" double precision,
        "chargingState" text,
        "stopReason" text,
        "lastSeqNo" integer,
        "evDepartureAt" timestamptz,
        "evEnergyAmountWh" double precision,
        "evChargingNeeds" jsonb,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ocpp_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_ocpp_sessions_cp_transaction" UNIQUE ("chargePointId", "transactionId"),
        CONSTRAINT "UQ_ocpp_sessions_cp_start_key" UNIQUE ("chargePointId", "startKey")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_ocpp_sessions_site_started" ON "ocpp_sessions" ("siteId", "startedAt")`);
    await queryRunner.query(`CREATE INDEX "IDX_ocpp_sessions_vehicle" ON "ocpp_sessions" ("vehicleId")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ocpp_sessions_cp_started" ON "ocpp_sessions" ("chargePointId", "startedAt")`,
    );
    await queryRunner.query(`
      CREATE TABLE "ocpp_transaction_events" (
        "sessionId" uuid NOT NULL,
        "seqNo" integer NOT NULL,
        "eventType" text NOT NULL,
        "triggerReason" text NOT NULL,
        "at" timestamptz NOT NULL,
        "offline" boolean NOT NULL DEFAULT false,
        "receivedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_ocpp_transaction_events" PRIMARY KEY ("sessionId", "seqNo")
      )`);
    await queryRunner.query(`
      CREATE TABLE "ocpp_meter_samples" (
        "id" BIGSERIAL NOT NULL,
        "chargePointId" text NOT NULL,
        "evseId" integer,
        "sessionId" uuid,
        "sampledAt" timestamptz NOT NULL,
        "receivedAt" timestamptz NOT NULL DEFAULT now(),
        "context" text,
        "energyWh" double precision,
        "energyExportWh" double precision,
        "powerW" double precision,
        "powerOfferedW" double precision,
        "socPercent" double precision,
        "currentA" double precision,
        "currentOfferedA" double precision,
        "voltageV" double precision,
        CONSTRAINT "PK_ocpp_meter_samples" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ocpp_meter_samples_session_at" ON "ocpp_meter_samples" ("sessionId", "sampledAt")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ocpp_meter_samples_cp_at" ON "ocpp_meter_samples" ("chargePointId", "sampledAt")`,
    );
    await queryRunner.query(`
      CREATE TABLE "ocpp_message_log" (
        "id" BIGSERIAL NOT NULL,
        "chargePointId" text NOT NULL,
        "direction" text NOT NULL,
        "frame" text NOT NULL,
        "at" timestamptz NOT NULL,
        CONSTRAINT "PK_ocpp_message_log" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_ocpp_message_log_at" ON "ocpp_message_log" ("at")`);
    await queryRunner.query(`CREATE INDEX "IDX_ocpp_message_log_cp_at" ON "ocpp_message_log" ("chargePointId", "at")`);
    await queryRunner.query(`
      CREATE TABLE "ocpp_charger_events" (
        "id" BIGSERIAL NOT NULL,
        "chargePointId" text NOT NULL,
        "type" text NOT NULL,
        "at" timestamptz NOT NULL,
        "payload" jsonb NOT NULL,
        CONSTRAINT "PK_ocpp_charger_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_ocpp_charger_events_cp_at" ON "ocpp_charger_events" ("chargePointId", "at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'ocpp_charger_events',
      'ocpp_message_log',
      'ocpp_meter_samples',
      'ocpp_transaction_events',
      'ocpp_sessions',
      'ocpp_connector_status_history',
      'ocpp_connector_status',
      'ocpp_charger_state',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE "ocpp_v16_transaction_id_seq"`);
  }
}
