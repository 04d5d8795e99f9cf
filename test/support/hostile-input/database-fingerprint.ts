import { Client } from 'pg';

/** Row count and checksum of every table: equal fingerprints, unchanged data. */
export class DatabaseFingerprint {
  private constructor(
    private readonly client: Client,
    private readonly query: string,
  ) {}

  static async connect(url: string): Promise<DatabaseFingerprint> {
    const client = new Client({ connectionString: url });
    await client.connect();
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const query = tables.rows
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*) AS rows, ` +
          `md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${name}" t`,
      )
      .join(' UNION ALL ');
    return new DatabaseFingerprint(client, query);
  }

  async take(): Promise<string> {
    const result = await this.client.query<{ name: string; rows: string; sum: string }>(this.query);
    return result.rows.map((row) => `${row.name}:${row.rows}:${row.sum}`).join('\n');
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
