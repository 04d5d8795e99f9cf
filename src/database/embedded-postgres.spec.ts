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
});
