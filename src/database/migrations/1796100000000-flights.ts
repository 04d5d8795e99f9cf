import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 12 (DESIGN.md §8): stands, flights, the site's flight rules, and the flight a transfer task serves. */
export class Flights1796100000000 implements MigrationInterface {
  name = 'Flights1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "sites"
        ADD "iataCode" text,
        ADD "busVehicleType" text NOT NULL DEFAULT 'apron-bus',
        ADD "busCapacityPassengers" integer NOT NULL DEFAULT 80,
        ADD "loadFactor" numeric NOT NULL DEFAULT 0.85,
        ADD "seatsByAircraftType" jsonb,
        ADD "arrivalBusLeadMinutes" integer NOT NULL DEFAULT 5,
        ADD "departureBusLeadMinutes" integer NOT NULL DEFAULT 30,
        ADD "loadingMinutes" integer NOT NULL DEFAULT 8,
        ADD "unloadingMinutes" integer NOT NULL DEFAULT 4,
        ADD "defaultStandKind" text NOT NULL DEFAULT 'remote'`);
    await queryRunner.query(`
      CREATE TABLE "stands" (
        "siteId" uuid NOT NULL,
        "standId" text NOT NULL,
        "kind" text NOT NULL,
        "busMinutesOneWay" integer NOT NULL,
        "distanceKmOneWay" numeric NOT NULL,
        CONSTRAINT "PK_stands" PRIMARY KEY ("siteId", "standId"),
        CONSTRAINT "FK_stands_site" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE "flights" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "siteId" uuid NOT NULL,
        "carrier" text NOT NULL,
        "number" text NOT NULL,
        "operatingDate" date NOT NULL,
        "direction" text NOT NULL,
        "scheduledTime" timestamptz NOT NULL,
        "estimatedTime" timestamptz,
        "actualTime" timestamptz,
        "stand" text,
        "passengers" integer,
        "aircraftType" text,
        "seats" integer,
        "serviceType" text,
        "status" text NOT NULL DEFAULT 'scheduled',
        "source" text NOT NULL,
        "createdAt" timestamptz NOT NULL DEFAULT now(),
        "updatedAt" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_flights" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_flights_key" UNIQUE ("siteId", "carrier", "number", "operatingDate", "direction"),
        CONSTRAINT "FK_flights_site" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_flights_site_scheduled" ON "flights" ("siteId", "scheduledTime")`);
    await queryRunner.query(`ALTER TABLE "transfer_tasks" ADD "flightId" uuid, ADD "stand" text`);
    await queryRunner.query(`CREATE INDEX "IDX_transfer_tasks_flight" ON "transfer_tasks" ("flightId")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_transfer_tasks_flight"`);
    await queryRunner.query(`ALTER TABLE "transfer_tasks" DROP COLUMN "stand", DROP COLUMN "flightId"`);
    await queryRunner.query(`DROP TABLE "flights"`);
    await queryRunner.query(`DROP TABLE "stands"`);
    await queryRunner.query(`
      ALTER TABLE "sites"
        DROP COLUMN "defaultStandKind", DROP COLUMN "unloadingMinutes", DROP COLUMN "loadingMinutes",
        DROP COLUMN "departureBusLeadMinutes", DROP COLUMN "arrivalBusLeadMinutes", DROP COLUMN "seatsByAircraftType",
        DROP COLUMN "loadFactor", DROP COLUMN "busCapacityPassengers", DROP COLUMN "busVehicleType",
        DROP COLUMN "iataCode"`);
  }
}
