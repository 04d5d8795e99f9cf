import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meter samples that no charger could have sent (dated far from the service's clock, absurd values, register jumps
 * beyond the connector's power) are stored flagged, and kept out of energy totals and SoC estimates (ISSUE 14).
 */
export class ImplausibleMeterSamples1795900000000 implements MigrationInterface {
  name = 'ImplausibleMeterSamples1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ocpp_meter_samples" ADD "implausible" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ocpp_meter_samples" DROP COLUMN "implausible"`);
  }
}
