import { MigrationInterface, QueryRunner } from 'typeorm';

/** Pull-out time: a site's vehicles leave the depot this many minutes before a task starts (no charging then). */
export class SiteDepartureLead1795700000000 implements MigrationInterface {
  name = 'SiteDepartureLead1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" ADD "departureLeadMinutes" integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "departureLeadMinutes"`);
  }
}
