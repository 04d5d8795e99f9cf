import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

describe('startEmbeddedPostgres', () => {
  it('serves SQL, including gen_random_uuid(), to the pg driver over loopback', async () => {
    const embedded = await startEmbeddedPostgres({ maxConnections: 2 });
    try {
      expect(embedded.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
      const client = new Client({ connectionString: embedded.url });
      await client.connect();
      const { rows } = await client.query('SELECT gen_random_uuid() AS id, 40 + 2 AS answer');
      expect(rows[0].answer).toBe(42);
      expect(rows[0].id).toMatch(/^[0-9a-f-]{36}$/);
      await client.end();
    } finally {
      await embedded.stop();
    }
  });

  it('keeps a file database across starts; its first start leaves only the finished directory', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'apron-embedded-'));
    const dataDir = join(parent, 'data');
    const query = async (embedded: { url: string }, sql: string) => {
      const client = new Client({ connectionString: embedded.url });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)');
    await first.stop();
    expect(readdirSync(parent)).toEqual(['data']);
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second, 'SELECT n FROM kept')).toEqual([{ n: 7 }]);
    } finally {
      await second.stop();
    }
  });
});
