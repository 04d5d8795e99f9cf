import { aSite } from '../support/fixtures';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

describe('sites API', () => {
  let app: TestApp;
  let fleetManager: string;
  let viewer: string;

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
  });
  afterAll(() => app.close());

  it('creates, reads, updates and deletes a site', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'CRUD-1' }))
      .expect(201);
    expect(created.body).toMatchObject({ code: 'CRUD-1', kind: 'airport', gridLimitKw: 2000, baseLoadKw: 100 });
    const id = created.body.id as string;

    const read = await app.http(viewer).get(`/api/v1/sites/${id}`).expect(200);
    expect(read.body.tariff.timeOfUse).toHaveLength(4);

    const patched = await app.http(fleetManager).patch(`/api/v1/sites/${id}`).send({ gridLimitKw: 1500 }).expect(200);
    expect(patched.body).toMatchObject({ gridLimitKw: 1500, baseLoadKw: 100, name: aSite().name });

    await app.http(fleetManager).delete(`/api/v1/sites/${id}`).expect(204);
    await app.http(viewer).get(`/api/v1/sites/${id}`).expect(404);
  });

  it('stores the departure lead: 0 unless given, a whole number of minutes from 0 to 120', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'LEAD-1' }))
      .expect(201);
    expect(created.body.departureLeadMinutes).toBe(0);
    const id = created.body.id as string;

    await app.http(fleetManager).patch(`/api/v1/sites/${id}`).send({ departureLeadMinutes: 10 }).expect(200);
    expect((await app.http(viewer).get(`/api/v1/sites/${id}`).expect(200)).body.departureLeadMinutes).toBe(10);
    const withLead = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'LEAD-2', departureLeadMinutes: 120 }))
      .expect(201);
    expect(withLead.body.departureLeadMinutes).toBe(120);

    for (const departureLeadMinutes of [-1, 121, 7.5, null]) {
      const response = await app.http(fleetManager).patch(`/api/v1/sites/${id}`).send({ departureLeadMinutes });
      expect({ value: departureLeadMinutes, status: response.status }).toEqual({
        value: departureLeadMinutes,
        status: 400,
      });
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['departureLeadMinutes']);
    }
    const rejected = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'LEAD-3', departureLeadMinutes: 121 }))
      .expect(400);
    expect(rejected.body.fields.map((f: { field: string }) => f.field)).toEqual(['departureLeadMinutes']);
    expect((await app.http(viewer).get(`/api/v1/sites/${id}`).expect(200)).body.departureLeadMinutes).toBe(10);
  });

  it('rejects invalid fields with field-level messages and stores nothing', async () => {
    const before = await app.http(viewer).get('/api/v1/sites').expect(200);
    const response = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'BAD-1', gridLimitKw: -5, kind: 'seaport', tariff: { currency: 'yuan', steps: [] } }))
      .expect(400);
    const fields = (response.body.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['gridLimitKw', 'kind', 'tariff.currency']);
    const after = await app.http(viewer).get('/api/v1/sites').expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('rejects rules that span fields: unknown time zone, base load above the grid limit', async () => {
    const response = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'BAD-2', timeZone: 'Mars/Olympus', gridLimitKw: 100, baseLoadKw: 100 }))
      .expect(400);
    expect(response.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'timeZone' }),
        expect.objectContaining({ field: 'baseLoadKw' }),
      ]),
    );
  });

  it('names a missing tariff as a field error', async () => {
    const body = aSite({ code: 'NO-TARIFF' });
    delete body.tariff;
    const response = await app.http(fleetManager).post('/api/v1/sites').send(body).expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['tariff']);
  });

  it('refuses to clear required fields with null on update, and keeps the stored site', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'NULLS-1' }))
      .expect(201);
    for (const field of ['tariff', 'gridLimitKw', 'timeZone', 'name']) {
      const response = await app
        .http(fleetManager)
        .patch(`/api/v1/sites/${created.body.id}`)
        .send({ [field]: null })
        .expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const read = await app.http(viewer).get(`/api/v1/sites/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ name: aSite().name, gridLimitKw: 2000, timeZone: 'Asia/Shanghai' });
    expect(read.body.tariff.timeOfUse).toHaveLength(4);
  });

  it('rejects time-of-use rules that leave part of the week without a price', async () => {
    const tariff = {
      currency: 'CNY',
      timeOfUse: [{ band: 'peak', startLocal: '08:00', endLocal: '20:00', pricePerKwh: 1 }],
    };
    const response = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'GAP-1', tariff }))
      .expect(400);
    expect(response.body.fields).toEqual([
      { field: 'tariff.timeOfUse', messages: [expect.stringMatching(/no price at weekday 1 00:00, weekday 1 20:00/)] },
    ]);
  });

  it('rejects an update that would break a rule and keeps the stored site', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'KEEP-1' }))
      .expect(201);
    await app.http(fleetManager).patch(`/api/v1/sites/${created.body.id}`).send({ gridLimitKw: 50 }).expect(400);
    const read = await app.http(viewer).get(`/api/v1/sites/${created.body.id}`).expect(200);
    expect(read.body.gridLimitKw).toBe(2000);
  });

  it('answers 409 on a duplicate code and 404 on an unknown id', async () => {
    await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'DUP-1' }))
      .expect(201);
    const duplicate = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'DUP-1' }))
      .expect(409);
    expect(duplicate.body.message).toMatch(/Already exists/);
    await app.http(viewer).get('/api/v1/sites/00000000-0000-4000-8000-000000000000').expect(404);
    await app.http(viewer).get('/api/v1/sites/not-a-uuid').expect(400);
  });

  it('pages and filters the list', async () => {
    for (const code of ['PAGE-A', 'PAGE-B', 'PAGE-C']) {
      await app
        .http(fleetManager)
        .post('/api/v1/sites')
        .send(aSite({ code, kind: 'highway' }))
        .expect(201);
    }
    const page = await app.http(viewer).get('/api/v1/sites?kind=highway&limit=2&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((s: { code: string }) => s.code)).toEqual(['PAGE-B', 'PAGE-C']);
    await app.http(viewer).get('/api/v1/sites?limit=0').expect(400);
  });

  it('keeps both of two concurrent partial updates of one site', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'RACE-1' }))
      .expect(201);
    const id = created.body.id as string;
    const updates = Array.from({ length: 8 }, (_, i) =>
      app
        .http(fleetManager)
        .patch(`/api/v1/sites/${id}`)
        .send(i % 2 === 0 ? { name: `name ${i}` } : { demandChargePerKw: i }),
    );
    const responses = await Promise.all(updates);
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const read = await app.http(viewer).get(`/api/v1/sites/${id}`).expect(200);
    expect(read.body.version).toBe(created.body.version + 8);
    expect(read.body.name).toMatch(/^name \d$/);
    expect(read.body.demandChargePerKw % 2).toBe(1);
  });

  it('answers many concurrent requests of different shapes each with its own data', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await app
        .http(fleetManager)
        .post('/api/v1/sites')
        .send(aSite({ code: `MANY-${i}`, kind: 'highway', gridLimitKw: 1000 + i }));
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    // Statements with 1, 3 and many parameters at once: an embedded database shared by several connections
    // once mixed their protocol messages, answering one request with another's rows or a bind error.
    const requests = Array.from({ length: 60 }, (_, i) => {
      const id = ids[i % ids.length];
      if (i % 3 === 0) return { i, kind: 'get', response: app.http(viewer).get(`/api/v1/sites/${id}`) };
      if (i % 3 === 1)
        return { i, kind: 'list', response: app.http(viewer).get('/api/v1/sites?kind=highway&limit=2&offset=1') };
      return {
        i,
        kind: 'patch',
        response: app
          .http(fleetManager)
          .patch(`/api/v1/sites/${id}`)
          .send({ name: `site ${i}` }),
      };
    });
    const responses = await Promise.all(requests.map((request) => request.response));
    requests.forEach(({ i, kind }, index) => {
      const response = responses[index];
      expect([kind, response.status]).toEqual([kind, 200]);
      if (kind === 'get')
        expect(response.body).toMatchObject({ id: ids[i % ids.length], gridLimitKw: 1000 + (i % ids.length) });
      if (kind === 'list')
        expect(response.body.items.every((site: { kind: string }) => site.kind === 'highway')).toBe(true);
      if (kind === 'patch') expect(response.body).toMatchObject({ id: ids[i % ids.length], name: `site ${i}` });
    });
  });

  it('lets only fleet managers and admins write, and anyone with a key read', async () => {
    await app.http().get('/api/v1/sites').expect(401);
    await app.http('apron_not-a-real-key').get('/api/v1/sites').expect(401);
    await app
      .http(viewer)
      .post('/api/v1/sites')
      .send(aSite({ code: 'ROLE-1' }))
      .expect(403);
    await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/sites')
      .send(aSite({ code: 'ROLE-1' }))
      .expect(201);
  });
});
