import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A meter reading is stored once: a charger that retries a message (its answer was lost, or the database was away and
 * it got no answer) sends the same readings again. One row per charger, EVSE, time and context; the copies already
 * stored go, keeping the first.
 */
export class MeterSamplesOnce1796000000000 implements MigrationInterface {
  name = 'MeterSamplesOnce1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM "ocpp_meter_samples" AS later USING "ocpp_meter_samples" AS first
      WHERE later."id" > first."id" AND later."chargePointId" = first."chargePointId"
        AND COALESCE(later."evseId", -1) = COALESCE(first."evseId", -1) AND later."sampledAt" = first."sampledAt"
        AND COALESCE(later."context", '') = COALESCE(first."context", '')`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX "UQ_ocpp_meter_samples_reading" ON "ocpp_meter_samples"
        ("chargePointId", COALESCE("evseId", -1), "sampledAt", COALESCE("context", ''))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_ocpp_meter_samples_reading"`);
  }
}
