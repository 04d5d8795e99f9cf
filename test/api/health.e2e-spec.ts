import { databaseBehindProxy, LoopbackProxy } from '../support/loopback-proxy';
import { eventually } from '../support/ocpp-clients';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { TestDatabase } from '../support/test-database';

/**
 * The service reaches its database through a TCP relay on loopback; cutting the relay drops the pool's open
 * connections and refuses new ones, as a database host that went away would. The database itself keeps running for
 * the other suites and for the recovery step.
 */
describe('/health when the database is unreachable', () => {
  let database: TestDatabase;
  let proxy: LoopbackProxy;
  let databasePort: number;
  let app: TestApp;

  beforeAll(async () => {
    let url: string;
    ({ database, proxy, databasePort, url } = await databaseBehindProxy());
    app = await startTestApp({ database: { ...database, url } });
  });

  afterAll(async () => {
    proxy.pointAt(databasePort);
    await app.close();
    await proxy.close();
  });

  it('answers 503 with up:false and the reason, keeps serving, and reports 200 again once the database is back', async () => {
    const key = await createKey(app, 'viewer');
    await app.http().get('/health').expect(200);

    proxy.pointAt(undefined);
    const down = await app.http().get('/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      status: 'degraded',
      database: { up: false, embedded: database.embedded, error: expect.any(String) },
    });
    expect(down.body.database.error).toBe('the database is unreachable');
    // The public body names no host or port.
    expect(JSON.stringify(down.body)).not.toMatch(/127\.0\.0\.1|:\d{2,5}\b/);
    // The API answers 503 with Retry-After at once (no hang, no 500) while the database is away.
    const api = await app.http(key).get('/api/v1/sites');
    expect(api.status).toBe(503);
    expect(api.headers['retry-after']).toBe('5');

    // The process is still there: it answers again, also on a route that needs no database.
    await app.http().get('/health').expect(503);
    await app.http().get('/docs-json').expect(200);

    proxy.pointAt(databasePort);
    const up = await eventually(() => app.http().get('/health').expect(200));
    expect(up.body).toEqual({ status: 'ok', database: { up: true, embedded: database.embedded } });
    await eventually(() => app.http(key).get('/api/v1/sites').expect(200));
  });

  it('reports a hung database (connections open, no answers) within seconds, and recovers without a restart', async () => {
    const key = await createKey(app, 'viewer');
    await app.http(key).get('/api/v1/sites').expect(200);
    proxy.hang();
    try {
      const down = await app.http().get('/health');
      expect(down.status).toBe(503);
      expect(down.body.database).toEqual({ up: false, embedded: database.embedded, error: expect.any(String) });
      const api = await app.http(key).get('/api/v1/sites');
      expect([api.status, api.headers['retry-after']]).toEqual([503, '5']);
    } finally {
      proxy.resume();
    }
    await eventually(() => app.http().get('/health').expect(200), 15_000);
    await eventually(() => app.http(key).get('/api/v1/sites').expect(200), 15_000);
  });
});
