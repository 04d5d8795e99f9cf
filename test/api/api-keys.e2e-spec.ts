import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

describe('API keys', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('shows a new token once, stores only its prefix for display, and the token works', async () => {
    const created = await app.http(ADMIN_TOKEN).post('/api/v1/api-keys').send({ name: 'ops', role: 'viewer' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^apron_[A-Za-z0-9_-]{43}$/);
    expect(created.body.token.startsWith(created.body.tokenPrefix)).toBe(true);
    const list = await app.http(ADMIN_TOKEN).get('/api/v1/api-keys').expect(200);
    const listed = list.body.items.find((key: { id: string }) => key.id === created.body.id);
    expect(listed).toMatchObject({ name: 'ops', role: 'viewer', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    await app.http(created.body.token).get('/api/v1/sites').expect(200);
  });

  it('refuses a revoked key with 401', async () => {
    const token = await createKey(app, 'dispatcher');
    await app.http(token).get('/api/v1/sites').expect(200);
    const list = await app.http(ADMIN_TOKEN).get('/api/v1/api-keys?limit=500').expect(200);
    const key = list.body.items.find((k: { tokenPrefix: string }) => token.startsWith(k.tokenPrefix));
    const revoked = await app.http(ADMIN_TOKEN).delete(`/api/v1/api-keys/${key.id}`).expect(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    await app.http(token).get('/api/v1/sites').expect(401);
  });

  it('lets only admins manage keys, and keys created by an admin can be admins too', async () => {
    const fleetManager = await createKey(app, 'fleet-manager');
    await app.http(fleetManager).get('/api/v1/api-keys').expect(403);
    await app.http(fleetManager).post('/api/v1/api-keys').send({ name: 'x', role: 'admin' }).expect(403);
    const admin = await createKey(app, 'admin');
    await app.http(admin).get('/api/v1/api-keys').expect(200);
  });

  it('validates the body and answers 404 for an unknown key', async () => {
    const bad = await app.http(ADMIN_TOKEN).post('/api/v1/api-keys').send({ name: '', role: 'superuser' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['name', 'role']);
    await app.http(ADMIN_TOKEN).delete('/api/v1/api-keys/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('rejects malformed authorization headers with 401', async () => {
    const response = await app.http().get('/api/v1/sites').set('Authorization', `Basic ${ADMIN_TOKEN}`);
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/Missing bearer token/);
  });

  it('tells any key who it is on GET /me: role, name and id; the bootstrap token is an admin without a key id', async () => {
    for (const role of ['telemetry', 'flight-feed', 'viewer']) {
      const created = await app
        .http(ADMIN_TOKEN)
        .post('/api/v1/api-keys')
        .send({ name: `me ${role}`, role });
      const me = await app.http(created.body.token).get('/api/v1/me').expect(200);
      expect(me.body).toEqual({ role, name: `me ${role}`, keyId: created.body.id });
    }
    const bootstrap = await app.http(ADMIN_TOKEN).get('/api/v1/me').expect(200);
    expect(bootstrap.body).toEqual({ role: 'admin', name: expect.stringMatching(/bootstrap/), keyId: null });
    await app.http().get('/api/v1/me').expect(401);
  });
});
