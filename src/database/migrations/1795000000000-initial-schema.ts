import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sites, chargers with connectors, vehicles, transfer tasks and API keys (issue 2). */
export class InitialSchema1795000000000 implements MigrationInterface {
  name = 'InitialSchema1795000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sites" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" text NOT NULL,
        "name" text NOT NULL,
        "kind" text NOT NULL,
        "timeZone" text NOT NULL,
        "gridLimitKw" numeric NOT NULL,
        "baseLoadKw" numeric NOT NULL DEFAULT 0,
        "demandChargePerKw" numeric NOT NULL DEFAULT 0,
        "tariff" jsonb NOT NULL,
        "unknownChargerPolicy" text NOT NULL DEFAULT 'reject',
        "unknownIdTagPolicy" text NOT NULL DEFAULT 'reject',
        "tickSeconds" integer,
        "version" integer NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_sites" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_sites_code" UNIQUE ("code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "chargers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "chargePointId" text NOT NULL,
        "siteId" uuid NOT NULL,
        "currentType" text NOT NULL,
        "phases" integer,
        "voltageV" numeric,
        "maxKw" numeric NOT NULL,
        "passwordHash" text,
        "version" integer NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_chargers" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_chargers_chargePointId" UNIQUE ("chargePointId"),
        CONSTRAINT "FK_chargers_site" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_chargers_siteId" ON "chargers" ("siteId")`);
    await queryRunner.query(`
      CREATE TABLE "connectors" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "chargerId" uuid NOT NULL,
        "connectorId" integer NOT NULL,
        "maxKw" numeric NOT NULL,
        CONSTRAINT "PK_connectors" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_connectors_charger_connector" UNIQUE ("chargerId", "connectorId"),
        CONSTRAINT "FK_connectors_charger" FOREIGN KEY ("chargerId") REFERENCES "chargers"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "vehicles" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "siteId" uuid NOT NULL,
        "fleetNumber" text NOT NULL,
        "type" text NOT NULL,
        "batteryKwh" numeric NOT NULL,
        "minSocPercent" numeric NOT NULL DEFAULT 20,
        "maxSocPercent" numeric NOT NULL DEFAULT 100,
        "maxChargeKw" numeric NOT NULL,
        "chargeEfficiency" numeric NOT NULL DEFAULT 1,
        "consumptionKwhPerKm" numeric,
        "consumptionKwhPerTask" numeric,
        "idTag" text,
        "turnaroundMinutes" integer NOT NULL DEFAULT 5,
        "inService" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_vehicles" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_vehicles_fleetNumber" UNIQUE ("fleetNumber"),
        CONSTRAINT "UQ_vehicles_idTag" UNIQUE ("idTag"),
        CONSTRAINT "FK_vehicles_site" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_vehicles_siteId" ON "vehicles" ("siteId")`);
    await queryRunner.query(`
      CREATE TABLE "transfer_tasks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "siteId" uuid NOT NULL,
        "flightRef" text NOT NULL,
        "vehicleType" text NOT NULL,
        "vehiclesNeeded" integer NOT NULL DEFAULT 1,
        "startsAt" timestamptz NOT NULL,
        "endsAt" timestamptz NOT NULL,
        "energyKwhPerVehicle" numeric,
        "distanceKm" numeric,
        "status" text NOT NULL DEFAULT 'planned',
        "version" integer NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_transfer_tasks" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_transfer_tasks_site_flightRef" UNIQUE ("siteId", "flightRef"),
        CONSTRAINT "CHK_transfer_tasks_ends_after_start" CHECK ("endsAt" > "startsAt"),
        CONSTRAINT "FK_transfer_tasks_site" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_transfer_tasks_site_start" ON "transfer_tasks" ("siteId", "startsAt")`);
    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "role" text NOT NULL,
        "tokenHash" text NOT NULL,
        "tokenPrefix" text NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "revokedAt" timestamptz,
        CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_api_keys_tokenHash" UNIQUE ("tokenHash")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_keys', 'transfer_tasks', 'vehicles', 'connectors', 'chargers', 'sites']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
