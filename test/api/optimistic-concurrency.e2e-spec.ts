import { aCharger, aSite, aTask, aVehicle } from '../support/fixtures';
import { createKey, startTestApp, TestApp } from '../support/test-app';

/** Updates of versioned resources honour If-Match: a stale version changes nothing (412), a fresh one applies. */
describe('optimistic concurrency (If-Match / ETag)', () => {
  let app: TestApp;
  let fleetManager: string;
  let siteId: string;

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    siteId = (
      await app
        .http(fleetManager)
        .post('/api/v1/sites')
        .send(aSite({ code: 'OCC-SITE' }))
        .expect(201)
    ).body.id;
  });
  afterAll(() => app.close());

  const kinds: Array<{ kind: string; create: () => Promise<string>; change: Record<string, unknown>; field: string }> =
    [
      {
        kind: 'sites',
        create: async () =>
          (
            await app
              .http(fleetManager)
              .post('/api/v1/sites')
              .send(aSite({ code: 'OCC-1' }))
              .expect(201)
          ).body.id,
        change: { gridLimitKw: 1500 },
        field: 'gridLimitKw',
      },
      {
        kind: 'vehicles',
        create: async () =>
          (await app.http(fleetManager).post('/api/v1/vehicles').send(aVehicle(siteId)).expect(201)).body.id,
        change: { maxChargeKw: 90 },
        field: 'maxChargeKw',
      },
      {
        kind: 'chargers',
        create: async () =>
          (await app.http(fleetManager).post('/api/v1/chargers').send(aCharger(siteId)).expect(201)).body.id,
        change: { maxKw: 200 },
        field: 'maxKw',
      },
      {
        kind: 'tasks',
        create: async () =>
          (await app.http(fleetManager).post('/api/v1/tasks').send(aTask(siteId)).expect(201)).body.id,
        change: { vehiclesNeeded: 1 },
        field: 'vehiclesNeeded',
      },
    ];

  describe.each(kinds)('$kind', ({ kind, create, change, field }) => {
    let id: string;
    beforeAll(async () => {
      id = await create();
    });

    it('answers GET with the version as ETag', async () => {
      const read = await app.http(fleetManager).get(`/api/v1/${kind}/${id}`).expect(200);
      expect(read.headers.etag).toBe(`"${read.body.version}"`);
    });

    it('refuses a stale If-Match with 412 and changes nothing; a fresh one applies and bumps the version', async () => {
      const before = (await app.http(fleetManager).get(`/api/v1/${kind}/${id}`).expect(200)).body;
      const stale = await app
        .http(fleetManager)
        .patch(`/api/v1/${kind}/${id}`)
        .set('If-Match', `"${before.version - 1}"`)
        .send(change)
        .expect(412);
      expect(stale.body).toMatchObject({ statusCode: 412, currentVersion: before.version });
      expect(stale.body.message).toMatch(/version/);
      const unchanged = (await app.http(fleetManager).get(`/api/v1/${kind}/${id}`).expect(200)).body;
      expect(unchanged).toEqual(before);

      const fresh = await app
        .http(fleetManager)
        .patch(`/api/v1/${kind}/${id}`)
        .set('If-Match', `"${before.version}"`)
        .send(change)
        .expect(200);
      expect(fresh.body[field]).toBe(change[field]);
      expect(fresh.body.version).toBe(before.version + 1);
      expect(fresh.headers.etag).toBe(`"${before.version + 1}"`);
    });
  });

  it('accepts the bare version, and updates without If-Match as before', async () => {
    const id = (
      await app
        .http(fleetManager)
        .post('/api/v1/sites')
        .send(aSite({ code: 'OCC-2' }))
        .expect(201)
    ).body.id;
    const v1 = await app.http(fleetManager).patch(`/api/v1/sites/${id}`).set('If-Match', '1').send({ baseLoadKw: 50 });
    expect(v1.status).toBe(200);
    const v2 = await app.http(fleetManager).patch(`/api/v1/sites/${id}`).send({ baseLoadKw: 60 }).expect(200);
    expect(v2.body).toMatchObject({ baseLoadKw: 60, version: v1.body.version + 1 });
  });

  it('answers 400 naming If-Match when it is no version', async () => {
    const id = (
      await app
        .http(fleetManager)
        .post('/api/v1/sites')
        .send(aSite({ code: 'OCC-3' }))
        .expect(201)
    ).body.id;
    const response = await app
      .http(fleetManager)
      .patch(`/api/v1/sites/${id}`)
      .set('If-Match', 'yesterday')
      .send({ baseLoadKw: 50 })
      .expect(400);
    expect(response.body.fields).toEqual([{ field: 'If-Match', messages: [expect.stringMatching(/version/)] }]);
  });
});
