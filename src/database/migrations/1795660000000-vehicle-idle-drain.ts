import { MigrationInterface, QueryRunner } from 'typeorm';

/** A vehicle's standby drain (issue 5): the SoC estimator takes it off while the vehicle is not on a task. */
export class VehicleIdleDrain1795660000000 implements MigrationInterface {
  name = 'VehicleIdleDrain1795660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vehicles" ADD "idleDrainKwhPerHour" numeric NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vehicles" DROP COLUMN "idleDrainKwhPerHour"`);
  }
}
