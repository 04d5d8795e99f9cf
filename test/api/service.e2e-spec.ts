import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { aSite } from '../support/fixtures';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

describe('service surface', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers /health with the database state without a key', async () => {
    const response = await app.http().get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: { up: true, embedded: app.database.embedded } });
  });

  it('serves the OpenAPI UI at /docs and a document at /docs-json that lists every API route', async () => {
    await app.http().get('/docs').redirects(1).expect(200).expect('content-type', /html/);
    const document = (await app.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    const router = app.app.getHttpAdapter().getInstance().router as { stack: RouteLayer[] };
    const routes = router.stack
      .filter((layer) => layer.route?.path.startsWith('/api/'))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((method) => [method, layer.route!.path.replace(/:(\w+)/g, '{$1}')]),
      );
    expect(routes.length).toBeGreaterThan(5);
    for (const [method, path] of routes) {
      expect(document.paths[path]?.[method]).toBeDefined();
      expect(document.paths[path][method].summary).toMatch(/\(.+\)/);
    }
  });

  it('answers unknown routes with 404 rather than 500', async () => {
    await app.http(ADMIN_TOKEN).get('/api/v1/nothing-here').expect(404);
  });

  it('rejects a malformed JSON body with 400 and keeps serving', async () => {
    const response = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/sites')
      .set('Content-Type', 'application/json')
      .send('{"code": "X",');
    expect(response.status).toBe(400);
    await app.http().get('/health').expect(200);
  });
});

describe('embedded database on disk', () => {
  it('keeps what was stored across a restart of the service', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'apron-restart-'));
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      const firstApp = await startTestApp({
        database: { ...first, poolSize: first.maxConnections, embedded: true, drop: first.stop },
      });
      const created = await firstApp
        .http(ADMIN_TOKEN)
        .post('/api/v1/sites')
        .send(aSite({ code: 'PERSIST-1' }));
      expect(created.status).toBe(201);
      await firstApp.close();

      const second = await startEmbeddedPostgres({ dataDir });
      const secondApp = await startTestApp({
        database: { ...second, poolSize: second.maxConnections, embedded: true, drop: second.stop },
      });
      try {
        const read = await secondApp.http(ADMIN_TOKEN).get(`/api/v1/sites/${created.body.id}`).expect(200);
        expect(read.body).toMatchObject({ code: 'PERSIST-1', gridLimitKw: 2000 });
      } finally {
        await secondApp.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
