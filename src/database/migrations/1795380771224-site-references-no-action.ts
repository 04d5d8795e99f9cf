import { MigrationInterface, QueryRunner } from 'typeorm';

const REFERENCES = [
  { table: 'chargers', constraint: 'FK_chargers_site' },
  { table: 'vehicles', constraint: 'FK_vehicles_site' },
  { table: 'transfer_tasks', constraint: 'FK_transfer_tasks_site' },
];

/**
 * Deleting a site that still has chargers, vehicles or tasks must answer 409. ON DELETE RESTRICT fails
 * with SQLSTATE 23001, which nothing maps; NO ACTION (checked at statement end, same outcome here)
 * fails with the usual foreign-key violation 23503.
 */
export class SiteReferencesNoAction1795380771224 implements MigrationInterface {
  name = 'SiteReferencesNoAction1795380771224';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, constraint } of REFERENCES) await this.setOnDelete(queryRunner, table, constraint, 'NO ACTION');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, constraint } of REFERENCES) await this.setOnDelete(queryRunner, table, constraint, 'RESTRICT');
  }

  private async setOnDelete(queryRunner: QueryRunner, table: string, constraint: string, action: string) {
    await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
    await queryRunner.query(
      `ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" FOREIGN KEY ("siteId") REFERENCES "sites"("id") ON DELETE ${action}`,
    );
  }
}
