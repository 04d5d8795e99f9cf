import { DataSource } from 'typeorm';

/**
 * Row count and checksum of every table: equal fingerprints, unchanged data. Read through the service's own pool, as
 * the embedded database takes a single connection.
 */
export class DatabaseFingerprint {
  private constructor(
    private readonly dataSource: DataSource,
    private readonly sql: string,
  ) {}

  static async of(dataSource: DataSource): Promise<DatabaseFingerprint> {
    const tables: { name: string }[] = await dataSource.query(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const sql = tables
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*) AS rows, ` +
          `md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${name}" t`,
      )
      .join(' UNION ALL ');
    return new DatabaseFingerprint(dataSource, sql);
  }

  async take(): Promise<string> {
    const rows: { name: string; rows: string; sum: string }[] = await this.dataSource.query(this.sql);
    return rows.map((row) => `${row.name}:${row.rows}:${row.sum}`).join('\n');
  }
}
