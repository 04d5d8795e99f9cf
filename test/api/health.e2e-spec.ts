import { LoopbackProxy } from '../support/loopback-proxy';
import { eventually } from '../support/ocpp-clients';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

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
    database = await createTestDatabase();
    proxy = await LoopbackProxy.start();
    const url = new URL(database.url);
    databasePort = Number(url.port || 5432);
    proxy.pointAt(databasePort);
    url.port = String(proxy.port);
    app = await startTestApp({ database: { ...database, url: url.toString() } });
  });

  afterAll(async () => {
    proxy.pointAt(databasePort);
    await app.close();
    await proxy.close();
  });

  it('answers 503 with up:false and the reason, keeps serving, and reports 200 again once the database is back', async () => {
    await app.http().get('/health').expect(200);

    proxy.pointAt(undefined);
    const down = await app.http().get('/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      status: 'degraded',
      database: { up: false, embedded: database.embedded, error: expect.any(String) },
    });
    expect(down.body.database.error).not.toBe('');

    // The process is still there: it answers again, also on a route that needs no database.
    await app.http().get('/health').expect(503);
    await app.http().get('/docs-json').expect(200);

    proxy.pointAt(databasePort);
    const up = await eventually(() => app.http().get('/health').expect(200));
    expect(up.body).toEqual({ status: 'ok', database: { up: true, embedded: database.embedded } });
  });
});
