import { DataSource } from 'typeorm';
import { ChargersService } from '../../src/chargers/chargers.service';
import { aCharger, aSite } from '../support/fixtures';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'Apron-basic-auth-0001';

function fieldsOf(body: { fields?: { field: string }[] }): string[] {
  return (body.fields ?? []).map((f) => f.field).sort();
}

describe('chargers API', () => {
  let app: TestApp;
  let fleetManager: string;
  let viewer: string;
  let siteId: string;
  let otherSiteId: string;

  const rowCounts = async (chargePointId: string) => {
    const dataSource = app.app.get(DataSource);
    const [{ chargers }] = await dataSource.query(
      'SELECT count(*)::int AS chargers FROM chargers WHERE "chargePointId" = $1',
      [chargePointId],
    );
    const [{ connectors }] = await dataSource.query('SELECT count(*)::int AS connectors FROM connectors');
    return { chargers: chargers as number, connectors: connectors as number };
  };

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    const site = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'CHG-SITE' }))
      .expect(201);
    siteId = site.body.id;
    const other = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'CHG-OTHER' }))
      .expect(201);
    otherSiteId = other.body.id;
  });
  afterAll(() => app.close());

  it('creates, reads, updates and deletes a charger with its connectors', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'CRUD-1' }))
      .expect(201);
    expect(created.body).toMatchObject({
      chargePointId: 'CRUD-1',
      siteId,
      currentType: 'DC',
      phases: null,
      voltageV: null,
      maxKw: 240,
      connectors: [
        { connectorId: 1, maxKw: 150 },
        { connectorId: 2, maxKw: 150 },
      ],
      hasPassword: false,
    });
    const id = created.body.id as string;

    const read = await app.http(viewer).get(`/api/v1/chargers/${id}`).expect(200);
    expect(read.body).toEqual(created.body);

    const patched = await app
      .http(fleetManager)
      .patch(`/api/v1/chargers/${id}`)
      .send({ maxKw: 300, connectors: [{ connectorId: 3, maxKw: 300 }] })
      .expect(200);
    expect(patched.body).toMatchObject({ maxKw: 300, connectors: [{ connectorId: 3, maxKw: 300 }] });
    expect(patched.body.version).toBe(created.body.version + 1);

    await app.http(fleetManager).delete(`/api/v1/chargers/${id}`).expect(204);
    await app.http(viewer).get(`/api/v1/chargers/${id}`).expect(404);
    await app.http(fleetManager).delete(`/api/v1/chargers/${id}`).expect(404);
    expect(await rowCounts('CRUD-1')).toMatchObject({ chargers: 0 });
  });

  it('accepts connectorCount with maxKwPerConnector instead of a connector list', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(
        aCharger(siteId, { chargePointId: 'COUNT-1', connectors: undefined, connectorCount: 3, maxKwPerConnector: 80 }),
      )
      .expect(201);
    expect(created.body.connectors).toEqual([
      { connectorId: 1, maxKw: 80 },
      { connectorId: 2, maxKw: 80 },
      { connectorId: 3, maxKw: 80 },
    ]);
    const both = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'COUNT-2', connectorCount: 2 }))
      .expect(400);
    expect(fieldsOf(both.body)).toEqual(['connectorCount']);
    const tooStrong = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(
        aCharger(siteId, {
          chargePointId: 'COUNT-3',
          connectors: undefined,
          connectorCount: 2,
          maxKwPerConnector: 500,
        }),
      )
      .expect(400);
    expect(fieldsOf(tooStrong.body)).toEqual(['maxKwPerConnector']);
  });

  it('requires phases and voltage for AC and forbids them for DC', async () => {
    const ac = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(
        aCharger(siteId, {
          chargePointId: 'AC-1',
          currentType: 'AC',
          maxKw: 22,
          connectors: [{ connectorId: 1, maxKw: 22 }],
        }),
      )
      .expect(400);
    expect(fieldsOf(ac.body)).toEqual(['phases', 'voltageV']);
    const dc = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'DC-1', phases: 3, voltageV: 230 }))
      .expect(400);
    expect(fieldsOf(dc.body)).toEqual(['phases', 'voltageV']);
    const created = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(
        aCharger(siteId, {
          chargePointId: 'AC-2',
          currentType: 'AC',
          phases: 3,
          voltageV: 230,
          maxKw: 22,
          connectors: [{ connectorId: 1, maxKw: 22 }],
        }),
      )
      .expect(201);
    expect(created.body).toMatchObject({ currentType: 'AC', phases: 3, voltageV: 230 });
    // Switching to DC drops the AC-only fields.
    const toDc = await app
      .http(fleetManager)
      .patch(`/api/v1/chargers/${created.body.id}`)
      .send({ currentType: 'DC' })
      .expect(200);
    expect(toDc.body).toMatchObject({ currentType: 'DC', phases: null, voltageV: null });
    const backToAc = await app
      .http(fleetManager)
      .patch(`/api/v1/chargers/${created.body.id}`)
      .send({ currentType: 'AC', phases: 1 })
      .expect(400);
    expect(fieldsOf(backToAc.body)).toEqual(['voltageV']);
  });

  it('rejects each invalid field with a field-level message', async () => {
    const response = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send({
        chargePointId: 'bad:id/with-colon',
        siteId: 'not-a-uuid',
        currentType: 'HVDC',
        phases: 2,
        voltageV: 1000,
        maxKw: 0,
        connectors: [{ connectorId: 0, maxKw: -1 }],
        password: 'short',
      })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual([
      'chargePointId',
      'connectors.0.connectorId',
      'connectors.0.maxKw',
      'currentType',
      'maxKw',
      'password',
      'phases',
      'siteId',
      'voltageV',
    ]);
    const tooLong = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'X'.repeat(49), connectors: [] }))
      .expect(400);
    expect(fieldsOf(tooLong.body)).toEqual(['chargePointId', 'connectors']);
    const none = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'NONE-1', connectors: undefined }))
      .expect(400);
    expect(fieldsOf(none.body)).toEqual(['connectors']);
    const unknown = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'EXTRA-1', colour: 'green' }))
      .expect(400);
    expect(fieldsOf(unknown.body)).toEqual(['colour']);
    const nulls = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'NULL-1', connectors: null }))
      .expect(400);
    expect(fieldsOf(nulls.body)).toEqual(['connectors']);
  });

  it('answers 400 on field siteId for a site that does not exist', async () => {
    const response = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger('00000000-0000-4000-8000-000000000000', { chargePointId: 'NOSITE-1' }))
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['siteId']);
  });

  it('rejects duplicate connector ids and connectors stronger than the charger, writing nothing', async () => {
    const before = await rowCounts('HALF-1');
    const response = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(
        aCharger(siteId, {
          chargePointId: 'HALF-1',
          connectors: [
            { connectorId: 1, maxKw: 150 },
            { connectorId: 2, maxKw: 150 },
            { connectorId: 3, maxKw: 400 },
            { connectorId: 2, maxKw: 50 },
          ],
        }),
      )
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['connectors.2.maxKw', 'connectors.3.connectorId']);
    expect(await rowCounts('HALF-1')).toEqual({ chargers: 0, connectors: before.connectors });
  });

  it('answers 409 on a duplicate chargePointId and leaves no charger or connector behind', async () => {
    await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'DUP-1' }))
      .expect(201);
    const before = await rowCounts('DUP-1');
    const duplicate = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(otherSiteId, { chargePointId: 'DUP-1', connectorCount: 4, connectors: undefined }))
      .expect(409);
    expect(duplicate.body.message).toMatch(/Already exists/);
    expect(await rowCounts('DUP-1')).toEqual(before);
    await app.http(viewer).get('/api/v1/chargers/00000000-0000-4000-8000-000000000000').expect(404);
    await app.http(viewer).get('/api/v1/chargers/not-a-uuid').expect(400);
    await app
      .http(fleetManager)
      .patch('/api/v1/chargers/00000000-0000-4000-8000-000000000000')
      .send({ maxKw: 100 })
      .expect(404);
  });

  it('rejects an update that breaks a rule and keeps the stored charger and connectors', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'KEEP-1' }))
      .expect(201);
    const id = created.body.id as string;
    const lowered = await app.http(fleetManager).patch(`/api/v1/chargers/${id}`).send({ maxKw: 100 }).expect(400);
    expect(fieldsOf(lowered.body)).toEqual(['connectors.0.maxKw', 'connectors.1.maxKw']);
    const badSet = await app
      .http(fleetManager)
      .patch(`/api/v1/chargers/${id}`)
      .send({
        connectors: [
          { connectorId: 1, maxKw: 10 },
          { connectorId: 2, maxKw: 10 },
          { connectorId: 3, maxKw: 999 },
        ],
      })
      .expect(400);
    expect(fieldsOf(badSet.body)).toEqual(['connectors.2.maxKw']);
    const noSite = await app
      .http(fleetManager)
      .patch(`/api/v1/chargers/${id}`)
      .send({ siteId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(fieldsOf(noSite.body)).toEqual(['siteId']);
    const nullMax = await app.http(fleetManager).patch(`/api/v1/chargers/${id}`).send({ maxKw: null }).expect(400);
    expect(fieldsOf(nullMax.body)).toEqual(['maxKw']);
    const read = await app.http(viewer).get(`/api/v1/chargers/${id}`).expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('answers 409 when renaming onto another charger and keeps both', async () => {
    await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'RENAME-A' }))
      .expect(201);
    const b = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'RENAME-B' }))
      .expect(201);
    await app
      .http(fleetManager)
      .patch(`/api/v1/chargers/${b.body.id}`)
      .send({ chargePointId: 'RENAME-A', connectorCount: 1 })
      .expect(409);
    const read = await app.http(viewer).get(`/api/v1/chargers/${b.body.id}`).expect(200);
    expect(read.body).toEqual(b.body);
  });

  it('stores the password only as a hash, never returns it, and verifies it', async () => {
    const chargers = app.app.get(ChargersService);
    const created = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'PWD-1', password: PASSWORD }))
      .expect(201);
    expect(created.body.hasPassword).toBe(true);
    expect(JSON.stringify(created.body)).not.toContain(PASSWORD);
    expect(Object.keys(created.body)).not.toEqual(expect.arrayContaining(['password', 'passwordHash']));
    const listed = await app.http(viewer).get(`/api/v1/chargers?siteId=${siteId}`).expect(200);
    expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|passwordHash|Apron-basic-auth/);

    const [{ passwordHash }] = await app.app
      .get(DataSource)
      .query('SELECT "passwordHash" FROM chargers WHERE "chargePointId" = $1', ['PWD-1']);
    expect(passwordHash).toMatch(/^scrypt\$/);
    expect(passwordHash).not.toContain(PASSWORD);

    expect(await chargers.verifyPassword('PWD-1', PASSWORD)).toBe(true);
    expect(await chargers.verifyPassword('PWD-1', `${PASSWORD}x`)).toBe(false);
    expect(await chargers.verifyPassword('NO-SUCH-CHARGER', PASSWORD)).toBe(false);

    const id = created.body.id as string;
    const next = 'Second-password-0002';
    await app.http(fleetManager).patch(`/api/v1/chargers/${id}`).send({ password: next }).expect(200);
    expect(await chargers.verifyPassword('PWD-1', PASSWORD)).toBe(false);
    expect(await chargers.verifyPassword('PWD-1', next)).toBe(true);

    const untouched = await app.http(fleetManager).patch(`/api/v1/chargers/${id}`).send({ maxKw: 250 }).expect(200);
    expect(untouched.body.hasPassword).toBe(true);
    expect(await chargers.verifyPassword('PWD-1', next)).toBe(true);

    const removed = await app.http(fleetManager).patch(`/api/v1/chargers/${id}`).send({ password: null }).expect(200);
    expect(removed.body.hasPassword).toBe(false);
    expect(await chargers.verifyPassword('PWD-1', next)).toBe(false);
  });

  it('gives the OCPP gateway a charger by chargePointId and the chargers of a site', async () => {
    const chargers = app.app.get(ChargersService);
    const site = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'CHG-GW' }))
      .expect(201);
    await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(site.body.id, { chargePointId: 'GW-2', connectorCount: 1, connectors: undefined }))
      .expect(201);
    await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(site.body.id, { chargePointId: 'GW-1' }))
      .expect(201);
    const found = await chargers.findByChargePointId('GW-1');
    expect(found).toMatchObject({ chargePointId: 'GW-1', siteId: site.body.id, maxKw: 240 });
    expect(found?.connectors.map((c) => [c.connectorId, c.maxKw])).toEqual([
      [1, 150],
      [2, 150],
    ]);
    expect(await chargers.findByChargePointId('GW-404')).toBeNull();
    const bySite = await chargers.listBySite(site.body.id);
    expect(bySite.map((c) => c.chargePointId)).toEqual(['GW-1', 'GW-2']);
  });

  it('pages and filters the list by site and current type', async () => {
    const site = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'CHG-PAGE' }))
      .expect(201);
    const pageSiteId = site.body.id as string;
    for (const chargePointId of ['PAGE-A', 'PAGE-B', 'PAGE-C']) {
      await app.http(fleetManager).post('/api/v1/chargers').send(aCharger(pageSiteId, { chargePointId })).expect(201);
    }
    await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(
        aCharger(pageSiteId, {
          chargePointId: 'PAGE-AC',
          currentType: 'AC',
          phases: 3,
          voltageV: 400,
          maxKw: 22,
          connectorCount: 2,
          connectors: undefined,
        }),
      )
      .expect(201);
    const page = await app.http(viewer).get(`/api/v1/chargers?siteId=${pageSiteId}&limit=2&offset=1`).expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.body.items.map((c: { chargePointId: string }) => c.chargePointId)).toEqual(['PAGE-AC', 'PAGE-B']);
    expect(page.body.items[0].connectors).toHaveLength(2);
    const dc = await app.http(viewer).get(`/api/v1/chargers?siteId=${pageSiteId}&currentType=DC`).expect(200);
    expect(dc.body.items.map((c: { chargePointId: string }) => c.chargePointId)).toEqual([
      'PAGE-A',
      'PAGE-B',
      'PAGE-C',
    ]);
    const bad = await app.http(viewer).get('/api/v1/chargers?siteId=nope&currentType=dc&limit=0').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['currentType', 'limit', 'siteId']);
  });

  it('answers 409 when deleting a site that still has chargers, and keeps everything', async () => {
    const site = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'CHG-KEEP' }))
      .expect(201);
    const charger = await app
      .http(fleetManager)
      .post('/api/v1/chargers')
      .send(aCharger(site.body.id, { chargePointId: 'SITE-KEEP-1' }))
      .expect(201);
    await app.http(fleetManager).delete(`/api/v1/sites/${site.body.id}`).expect(409);
    await app.http(viewer).get(`/api/v1/sites/${site.body.id}`).expect(200);
    const read = await app.http(viewer).get(`/api/v1/chargers/${charger.body.id}`).expect(200);
    expect(read.body).toEqual(charger.body);
  });

  it('lets only fleet managers and admins write, and anyone with a key read', async () => {
    await app.http().get('/api/v1/chargers').expect(401);
    await app
      .http()
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'ROLE-1' }))
      .expect(401);
    await app
      .http(viewer)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'ROLE-1' }))
      .expect(403);
    const dispatcher = await createKey(app, 'dispatcher');
    await app.http(dispatcher).get('/api/v1/chargers').expect(200);
    const created = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'ROLE-1' }))
      .expect(201);
    await app.http(viewer).patch(`/api/v1/chargers/${created.body.id}`).send({ maxKw: 100 }).expect(403);
    await app.http(viewer).delete(`/api/v1/chargers/${created.body.id}`).expect(403);
  });
});
