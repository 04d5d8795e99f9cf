import { VehiclesService } from '../../src/fleet/vehicles.service';
import { aSite, aVehicle } from '../support/fixtures';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function fieldsOf(body: { fields?: { field: string }[] }): string[] {
  return (body.fields ?? []).map((f) => f.field).sort();
}

describe('vehicles API', () => {
  let app: TestApp;
  let fleetManager: string;
  let viewer: string;
  let siteId: string;

  const createSite = async (code: string) =>
    (await app.http(fleetManager).post('/api/v1/sites').send(aSite({ code })).expect(201)).body.id as string;
  const createVehicle = async (overrides: Record<string, unknown>, site = siteId) =>
    (await app.http(fleetManager).post('/api/v1/vehicles').send(aVehicle(site, overrides)).expect(201)).body;

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    siteId = await createSite('VEH-SITE');
  });
  afterAll(() => app.close());

  it('creates, reads, updates and deletes a vehicle', async () => {
    const created = await createVehicle({ fleetNumber: 'CRUD-1', idTag: 'TAG-CRUD-1' });
    expect(created).toMatchObject({
      siteId,
      fleetNumber: 'CRUD-1',
      type: 'apron-bus',
      batteryKwh: 280,
      minSocPercent: 20,
      maxSocPercent: 95,
      maxChargeKw: 150,
      chargeEfficiency: 0.93,
      consumptionKwhPerKm: 1.2,
      consumptionKwhPerTask: null,
      idTag: 'TAG-CRUD-1',
      turnaroundMinutes: 5,
      inService: true,
    });
    const read = await app.http(viewer).get(`/api/v1/vehicles/${created.id}`).expect(200);
    expect(read.body).toEqual(created);

    const patched = await app
      .http(fleetManager)
      .patch(`/api/v1/vehicles/${created.id}`)
      .send({ inService: false, idTag: null, consumptionKwhPerTask: 9.5 })
      .expect(200);
    expect(patched.body).toMatchObject({ inService: false, idTag: null, consumptionKwhPerTask: 9.5, batteryKwh: 280 });

    await app.http(fleetManager).delete(`/api/v1/vehicles/${created.id}`).expect(204);
    await app.http(viewer).get(`/api/v1/vehicles/${created.id}`).expect(404);
    await app.http(fleetManager).delete(`/api/v1/vehicles/${created.id}`).expect(404);
  });

  it('applies the documented defaults', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send({ siteId, fleetNumber: 'DEFAULTS-1', type: 'baggage-tractor', batteryKwh: 40, maxChargeKw: 22 })
      .expect(201);
    expect(created.body).toMatchObject({
      minSocPercent: 20,
      maxSocPercent: 100,
      chargeEfficiency: 1,
      turnaroundMinutes: 5,
      inService: true,
      idTag: null,
      consumptionKwhPerKm: null,
    });
  });

  it('rejects each out-of-range field with a field-level message', async () => {
    const response = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send({
        siteId: 'nope',
        fleetNumber: 'has space',
        type: 'Apron Bus',
        batteryKwh: 0,
        minSocPercent: -1,
        maxSocPercent: 101,
        maxChargeKw: 0,
        chargeEfficiency: 0,
        consumptionKwhPerKm: -0.1,
        consumptionKwhPerTask: -1,
        idTag: 'X'.repeat(37),
        turnaroundMinutes: 241,
        inService: 'yes',
      })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual([
      'batteryKwh',
      'chargeEfficiency',
      'consumptionKwhPerKm',
      'consumptionKwhPerTask',
      'fleetNumber',
      'idTag',
      'inService',
      'maxChargeKw',
      'maxSocPercent',
      'minSocPercent',
      'siteId',
      'turnaroundMinutes',
      'type',
    ]);
    const upper = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(
        aVehicle(siteId, {
          fleetNumber: 'RANGE-1',
          batteryKwh: 2001,
          chargeEfficiency: 1.01,
          turnaroundMinutes: 1.5,
          idTag: '',
        }),
      )
      .expect(400);
    expect(fieldsOf(upper.body)).toEqual(['batteryKwh', 'chargeEfficiency', 'idTag', 'turnaroundMinutes']);
    const edges = await createVehicle({
      fleetNumber: 'EDGE-1',
      batteryKwh: 2000,
      minSocPercent: 0,
      maxSocPercent: 100,
      chargeEfficiency: 1,
      consumptionKwhPerKm: 0,
      turnaroundMinutes: 240,
      idTag: 'X'.repeat(36),
    });
    expect(edges).toMatchObject({ batteryKwh: 2000, minSocPercent: 0, turnaroundMinutes: 240 });
  });

  it('requires minSocPercent below maxSocPercent, also against the stored values on PATCH', async () => {
    const equal = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'SOC-0', minSocPercent: 50, maxSocPercent: 50 }))
      .expect(400);
    expect(fieldsOf(equal.body)).toEqual(['minSocPercent']);
    const created = await createVehicle({ fleetNumber: 'SOC-1' });
    const lowMax = await app
      .http(fleetManager)
      .patch(`/api/v1/vehicles/${created.id}`)
      .send({ maxSocPercent: 15 })
      .expect(400);
    expect(fieldsOf(lowMax.body)).toEqual(['maxSocPercent']);
    const highMin = await app
      .http(fleetManager)
      .patch(`/api/v1/vehicles/${created.id}`)
      .send({ minSocPercent: 96 })
      .expect(400);
    expect(fieldsOf(highMin.body)).toEqual(['minSocPercent']);
    const nulls = await app
      .http(fleetManager)
      .patch(`/api/v1/vehicles/${created.id}`)
      .send({ batteryKwh: null, inService: null })
      .expect(400);
    expect(fieldsOf(nulls.body)).toEqual(['batteryKwh', 'inService']);
    const read = await app.http(viewer).get(`/api/v1/vehicles/${created.id}`).expect(200);
    expect(read.body).toEqual(created);
    const both = await app
      .http(fleetManager)
      .patch(`/api/v1/vehicles/${created.id}`)
      .send({ minSocPercent: 96, maxSocPercent: 99 })
      .expect(200);
    expect(both.body).toMatchObject({ minSocPercent: 96, maxSocPercent: 99 });
  });

  it('answers 400 on field siteId for a site that does not exist', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(UNKNOWN_ID, { fleetNumber: 'NOSITE-1' }))
      .expect(400);
    expect(fieldsOf(created.body)).toEqual(['siteId']);
    const vehicle = await createVehicle({ fleetNumber: 'NOSITE-2' });
    const patched = await app
      .http(fleetManager)
      .patch(`/api/v1/vehicles/${vehicle.id}`)
      .send({ siteId: UNKNOWN_ID })
      .expect(400);
    expect(fieldsOf(patched.body)).toEqual(['siteId']);
  });

  it('answers 409 on a duplicate fleetNumber or idTag, 404 on an unknown id', async () => {
    const first = await createVehicle({ fleetNumber: 'DUP-1', idTag: 'TAG-DUP-1' });
    const sameNumber = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'DUP-1' }))
      .expect(409);
    expect(sameNumber.body.message).toMatch(/Already exists/);
    await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'DUP-2', idTag: 'TAG-DUP-1' }))
      .expect(409);
    const second = await createVehicle({ fleetNumber: 'DUP-3', idTag: 'TAG-DUP-3' });
    await app.http(fleetManager).patch(`/api/v1/vehicles/${second.id}`).send({ idTag: 'TAG-DUP-1' }).expect(409);
    await app.http(fleetManager).patch(`/api/v1/vehicles/${second.id}`).send({ fleetNumber: 'DUP-1' }).expect(409);
    expect((await app.http(viewer).get(`/api/v1/vehicles/${second.id}`).expect(200)).body).toEqual(second);
    expect((await app.http(viewer).get(`/api/v1/vehicles/${first.id}`).expect(200)).body).toEqual(first);

    await app.http(viewer).get(`/api/v1/vehicles/${UNKNOWN_ID}`).expect(404);
    await app.http(fleetManager).patch(`/api/v1/vehicles/${UNKNOWN_ID}`).send({ inService: false }).expect(404);
    await app.http(viewer).get('/api/v1/vehicles/not-a-uuid').expect(400);
  });

  it('pages and filters the list by site, type and in-service', async () => {
    const pageSite = await createSite('VEH-PAGE');
    for (const [fleetNumber, type, inService] of [
      ['PAGE-A', 'apron-bus', true],
      ['PAGE-B', 'apron-bus', false],
      ['PAGE-C', 'apron-bus', true],
      ['PAGE-D', 'baggage-tractor', true],
    ] as const) {
      await createVehicle({ fleetNumber, type, inService }, pageSite);
    }
    const numbers = (body: { items: { fleetNumber: string }[] }) => body.items.map((v) => v.fleetNumber);
    const page = await app.http(viewer).get(`/api/v1/vehicles?siteId=${pageSite}&limit=2&offset=1`).expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(numbers(page.body)).toEqual(['PAGE-B', 'PAGE-C']);
    const buses = await app.http(viewer).get(`/api/v1/vehicles?siteId=${pageSite}&type=apron-bus&inService=true`);
    expect(numbers(buses.body)).toEqual(['PAGE-A', 'PAGE-C']);
    const out = await app.http(viewer).get(`/api/v1/vehicles?siteId=${pageSite}&inService=false`).expect(200);
    expect(numbers(out.body)).toEqual(['PAGE-B']);
    const bad = await app.http(viewer).get('/api/v1/vehicles?inService=maybe&siteId=x&offset=-1').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['inService', 'offset', 'siteId']);
  });

  it('keeps every one of concurrent partial updates of one vehicle', async () => {
    const created = await createVehicle({ fleetNumber: 'RACE-1' });
    const changes: Record<string, unknown>[] = [
      { batteryKwh: 300 },
      { maxChargeKw: 120 },
      { turnaroundMinutes: 7 },
      { consumptionKwhPerKm: 1.5 },
      { consumptionKwhPerTask: 8 },
      { idTag: 'TAG-RACE-1' },
      { inService: false },
      { chargeEfficiency: 0.9 },
    ];
    const responses = await Promise.all(
      changes.map((change) => app.http(fleetManager).patch(`/api/v1/vehicles/${created.id}`).send(change)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(changes.length).fill(200));
    const read = await app.http(viewer).get(`/api/v1/vehicles/${created.id}`).expect(200);
    expect(read.body).toMatchObject(Object.assign({}, ...changes));
    expect(read.body.version).toBe(created.version + changes.length);
  });

  it('gives other features a vehicle by idTag and the vehicles of a site', async () => {
    const vehicles = app.app.get(VehiclesService);
    const gwSite = await createSite('VEH-GW');
    await createVehicle({ fleetNumber: 'GW-2' }, gwSite);
    await createVehicle({ fleetNumber: 'GW-1', idTag: '04A2B3C4D5E6F7' }, gwSite);
    expect(await vehicles.findByIdTag('04A2B3C4D5E6F7')).toMatchObject({ fleetNumber: 'GW-1', siteId: gwSite });
    expect(await vehicles.findByIdTag('UNKNOWN-TAG')).toBeNull();
    expect((await vehicles.listBySite(gwSite)).map((v) => v.fleetNumber)).toEqual(['GW-1', 'GW-2']);
  });

  it('answers 409 when deleting a site that still has vehicles, and keeps everything', async () => {
    const keepSite = await createSite('VEH-KEEP');
    const vehicle = await createVehicle({ fleetNumber: 'KEEP-1' }, keepSite);
    await app.http(fleetManager).delete(`/api/v1/sites/${keepSite}`).expect(409);
    await app.http(viewer).get(`/api/v1/sites/${keepSite}`).expect(200);
    expect((await app.http(viewer).get(`/api/v1/vehicles/${vehicle.id}`).expect(200)).body).toEqual(vehicle);
  });

  it('lets only fleet managers and admins write, and anyone with a key read', async () => {
    await app.http().get('/api/v1/vehicles').expect(401);
    await app
      .http()
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'ROLE-1' }))
      .expect(401);
    await app
      .http(viewer)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'ROLE-1' }))
      .expect(403);
    const dispatcher = await createKey(app, 'dispatcher');
    await app.http(dispatcher).get('/api/v1/vehicles').expect(200);
    const created = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'ROLE-1' }))
      .expect(201);
    await app.http(viewer).patch(`/api/v1/vehicles/${created.body.id}`).send({ inService: false }).expect(403);
    await app.http(dispatcher).delete(`/api/v1/vehicles/${created.body.id}`).expect(403);
  });
});
