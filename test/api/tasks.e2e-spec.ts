import { TasksService } from '../../src/tasks/tasks.service';
import { aSite, aTask } from '../support/fixtures';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

function fieldsOf(body: { fields?: { field: string }[] }): string[] {
  return (body.fields ?? []).map((f) => f.field).sort();
}

function refs(body: { items: { flightRef: string }[] }): string[] {
  return body.items.map((task) => task.flightRef);
}

describe('tasks API', () => {
  let app: TestApp;
  let fleetManager: string;
  let viewer: string;
  let siteId: string;

  const createSite = async (code: string) =>
    (await app.http(fleetManager).post('/api/v1/sites').send(aSite({ code })).expect(201)).body.id as string;
  const createTask = async (overrides: Record<string, unknown>, site = siteId) =>
    (await app.http(fleetManager).post('/api/v1/tasks').send(aTask(site, overrides)).expect(201)).body;

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    siteId = await createSite('TASK-SITE');
  });
  afterAll(() => app.close());

  it('creates, reads, updates and deletes a task, with start and end as ISO-8601', async () => {
    const created = await createTask({ flightRef: 'CRUD-1', start: '2026-11-22T15:05:00+08:00' });
    expect(created).toMatchObject({
      siteId,
      flightRef: 'CRUD-1',
      vehicleType: 'apron-bus',
      vehiclesNeeded: 2,
      start: '2026-11-22T07:05:00.000Z',
      end: '2026-11-22T07:35:00.000Z',
      energyKwhPerVehicle: 9.5,
      distanceKm: 6.5,
      status: 'planned',
    });
    expect(created).not.toHaveProperty('startsAt');
    const read = await app.http(viewer).get(`/api/v1/tasks/${created.id}`).expect(200);
    expect(read.body).toEqual(created);

    const patched = await app
      .http(fleetManager)
      .patch(`/api/v1/tasks/${created.id}`)
      .send({ status: 'in_progress', end: '2026-11-22T07:50:00Z', distanceKm: null })
      .expect(200);
    expect(patched.body).toMatchObject({ status: 'in_progress', end: '2026-11-22T07:50:00.000Z', distanceKm: null });

    await app.http(fleetManager).delete(`/api/v1/tasks/${created.id}`).expect(204);
    await app.http(viewer).get(`/api/v1/tasks/${created.id}`).expect(404);
    await app.http(fleetManager).delete(`/api/v1/tasks/${created.id}`).expect(404);
  });

  it('applies the documented defaults', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send({
        siteId,
        flightRef: 'DEFAULTS-1',
        vehicleType: 'baggage-tractor',
        start: '2026-11-22T08:00:00Z',
        end: '2026-11-22T08:20:00Z',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      vehiclesNeeded: 1,
      energyKwhPerVehicle: null,
      distanceKm: null,
      status: 'planned',
    });
  });

  it('rejects each invalid field with a field-level message', async () => {
    const response = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send({
        siteId: 'nope',
        flightRef: '',
        vehicleType: 'Apron Bus',
        vehiclesNeeded: 21,
        start: '2026-11-22 07:05',
        end: '2026-11-22T07:35:00',
        energyKwhPerVehicle: -1,
        distanceKm: -0.5,
        status: 'delayed',
      })
      .expect(400);
    expect(fieldsOf(response.body)).toEqual([
      'distanceKm',
      'end',
      'energyKwhPerVehicle',
      'flightRef',
      'siteId',
      'start',
      'status',
      'vehicleType',
      'vehiclesNeeded',
    ]);
    const more = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'BAD-2', vehiclesNeeded: 0, start: '2026-02-30T07:00:00Z' }))
      .expect(400);
    expect(fieldsOf(more.body)).toEqual(['start', 'vehiclesNeeded']);
    const fractional = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'BAD-3', vehiclesNeeded: 1.5 }))
      .expect(400);
    expect(fieldsOf(fractional.body)).toEqual(['vehiclesNeeded']);
    const nullStatus = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'BAD-4', status: null }))
      .expect(400);
    expect(fieldsOf(nullStatus.body)).toEqual(['status']);
    const edges = await createTask({ flightRef: 'EDGE-1', vehiclesNeeded: 20, energyKwhPerVehicle: 0, distanceKm: 0 });
    expect(edges).toMatchObject({ vehiclesNeeded: 20, energyKwhPerVehicle: 0 });
  });

  it('requires end after start and at most 24 h later, also against stored values on PATCH', async () => {
    const before = await app.http(viewer).get(`/api/v1/tasks?siteId=${siteId}`).expect(200);
    const backwards = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'TIME-0', start: '2026-11-22T08:00:00Z', end: '2026-11-22T08:00:00Z' }))
      .expect(400);
    expect(fieldsOf(backwards.body)).toEqual(['end']);
    const tooLong = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'TIME-0', start: '2026-11-22T08:00:00Z', end: '2026-11-23T08:00:01Z' }))
      .expect(400);
    expect(fieldsOf(tooLong.body)).toEqual(['end']);
    const after = await app.http(viewer).get(`/api/v1/tasks?siteId=${siteId}`).expect(200);
    expect(after.body.total).toBe(before.body.total);

    const dayLong = await createTask({
      flightRef: 'TIME-1',
      start: '2026-11-22T08:00:00Z',
      end: '2026-11-23T08:00:00Z',
    });
    const lateStart = await app
      .http(fleetManager)
      .patch(`/api/v1/tasks/${dayLong.id}`)
      .send({ start: '2026-11-23T09:00:00Z' })
      .expect(400);
    expect(fieldsOf(lateStart.body)).toEqual(['start']);
    const earlyEnd = await app
      .http(fleetManager)
      .patch(`/api/v1/tasks/${dayLong.id}`)
      .send({ end: '2026-11-22T07:00:00Z' })
      .expect(400);
    expect(fieldsOf(earlyEnd.body)).toEqual(['end']);
    const longer = await app
      .http(fleetManager)
      .patch(`/api/v1/tasks/${dayLong.id}`)
      .send({ start: '2026-11-22T07:59:59Z' })
      .expect(400);
    expect(fieldsOf(longer.body)).toEqual(['start']);
    expect((await app.http(viewer).get(`/api/v1/tasks/${dayLong.id}`).expect(200)).body).toEqual(dayLong);
    const moved = await app
      .http(fleetManager)
      .patch(`/api/v1/tasks/${dayLong.id}`)
      .send({ start: '2026-11-24T08:00:00Z', end: '2026-11-24T09:00:00Z' })
      .expect(200);
    expect(moved.body).toMatchObject({ start: '2026-11-24T08:00:00.000Z', end: '2026-11-24T09:00:00.000Z' });
  });

  it('answers 400 on field siteId for a site that does not exist', async () => {
    const created = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(UNKNOWN_ID, { flightRef: 'NOSITE-1' }))
      .expect(400);
    expect(fieldsOf(created.body)).toEqual(['siteId']);
    const task = await createTask({ flightRef: 'NOSITE-2' });
    const patched = await app
      .http(fleetManager)
      .patch(`/api/v1/tasks/${task.id}`)
      .send({ siteId: UNKNOWN_ID })
      .expect(400);
    expect(fieldsOf(patched.body)).toEqual(['siteId']);
  });

  it('answers 409 on a flightRef already used at the same site, 404 on an unknown id', async () => {
    await createTask({ flightRef: 'DUP-1' });
    const duplicate = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'DUP-1' }))
      .expect(409);
    expect(duplicate.body.message).toMatch(/Already exists/);
    const otherSite = await createSite('TASK-OTHER');
    await createTask({ flightRef: 'DUP-1' }, otherSite);
    const second = await createTask({ flightRef: 'DUP-2' });
    await app.http(fleetManager).patch(`/api/v1/tasks/${second.id}`).send({ flightRef: 'DUP-1' }).expect(409);
    expect((await app.http(viewer).get(`/api/v1/tasks/${second.id}`).expect(200)).body).toEqual(second);

    await app.http(viewer).get(`/api/v1/tasks/${UNKNOWN_ID}`).expect(404);
    await app.http(fleetManager).patch(`/api/v1/tasks/${UNKNOWN_ID}`).send({ status: 'done' }).expect(404);
    await app.http(viewer).get('/api/v1/tasks/not-a-uuid').expect(400);
  });

  it('pages in start order and filters by site, status, vehicle type and time window', async () => {
    const pageSite = await createSite('TASK-PAGE');
    const at = (hhmm: string) => `2026-11-22T${hhmm}:00Z`;
    const tasks: [string, string, string, string, string][] = [
      ['P-4', 'apron-bus', 'planned', at('10:00'), at('10:30')],
      ['P-1', 'apron-bus', 'done', at('06:00'), at('06:30')],
      ['P-3', 'baggage-tractor', 'planned', at('08:00'), at('09:00')],
      ['P-2', 'apron-bus', 'cancelled', at('07:00'), at('07:20')],
    ];
    for (const [flightRef, vehicleType, status, start, end] of tasks) {
      await createTask({ flightRef, vehicleType, status, start, end }, pageSite);
    }
    const page = await app.http(viewer).get(`/api/v1/tasks?siteId=${pageSite}&limit=2&offset=1`).expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(refs(page.body)).toEqual(['P-2', 'P-3']);
    const buses = await app.http(viewer).get(`/api/v1/tasks?siteId=${pageSite}&vehicleType=apron-bus`).expect(200);
    expect(refs(buses.body)).toEqual(['P-1', 'P-2', 'P-4']);
    const planned = await app.http(viewer).get(`/api/v1/tasks?siteId=${pageSite}&status=planned`).expect(200);
    expect(refs(planned.body)).toEqual(['P-3', 'P-4']);
    // Overlap: P-2 ends 07:20 (after 07:10), P-3 starts 08:00 (before 08:30); P-1 ends before, P-4 starts after.
    const window = await app
      .http(viewer)
      .get(`/api/v1/tasks?siteId=${pageSite}&from=${at('07:10')}&to=${at('08:30')}`)
      .expect(200);
    expect(refs(window.body)).toEqual(['P-2', 'P-3']);
    const touching = await app
      .http(viewer)
      .get(`/api/v1/tasks?siteId=${pageSite}&from=${at('06:30')}&to=${at('07:00')}`)
      .expect(200);
    expect(refs(touching.body)).toEqual([]);
    const fromOnly = await app
      .http(viewer)
      .get(`/api/v1/tasks?siteId=${pageSite}&from=${at('08:30')}`)
      .expect(200);
    expect(refs(fromOnly.body)).toEqual(['P-3', 'P-4']);
    const reversed = await app
      .http(viewer)
      .get(`/api/v1/tasks?from=${at('09:00')}&to=${at('08:00')}`)
      .expect(400);
    expect(fieldsOf(reversed.body)).toEqual(['to']);
    const bad = await app.http(viewer).get('/api/v1/tasks?status=late&from=yesterday&vehicleType=Bus').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['from', 'status', 'vehicleType']);

    const inWindow = await app.app
      .get(TasksService)
      .listInWindow(pageSite, new Date(at('07:10')), new Date(at('10:15')));
    expect(inWindow.map((task) => task.flightRef)).toEqual(['P-2', 'P-3', 'P-4']);
  });

  it('keeps every one of concurrent partial updates of one task', async () => {
    const created = await createTask({ flightRef: 'RACE-1' });
    const changes: Record<string, unknown>[] = [
      { vehiclesNeeded: 3 },
      { status: 'in_progress' },
      { energyKwhPerVehicle: 12 },
      { distanceKm: 8 },
      { vehicleType: 'baggage-tractor' },
      { end: '2026-11-22T07:45:00Z' },
    ];
    const responses = await Promise.all(
      changes.map((change) => app.http(fleetManager).patch(`/api/v1/tasks/${created.id}`).send(change)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(changes.length).fill(200));
    const read = await app.http(viewer).get(`/api/v1/tasks/${created.id}`).expect(200);
    expect(read.body).toMatchObject({ ...Object.assign({}, ...changes), end: '2026-11-22T07:45:00.000Z' });
    expect(read.body.version).toBe(created.version + changes.length);
  });

  it('answers 409 when deleting a site that still has tasks, and keeps everything', async () => {
    const keepSite = await createSite('TASK-KEEP');
    const task = await createTask({ flightRef: 'KEEP-1' }, keepSite);
    await app.http(fleetManager).delete(`/api/v1/sites/${keepSite}`).expect(409);
    await app.http(viewer).get(`/api/v1/sites/${keepSite}`).expect(200);
    expect((await app.http(viewer).get(`/api/v1/tasks/${task.id}`).expect(200)).body).toEqual(task);
  });

  it('lets only fleet managers and admins write, and anyone with a key read', async () => {
    await app.http().get('/api/v1/tasks').expect(401);
    await app
      .http()
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'ROLE-1' }))
      .expect(401);
    await app
      .http(viewer)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'ROLE-1' }))
      .expect(403);
    const dispatcher = await createKey(app, 'dispatcher');
    await app.http(dispatcher).get('/api/v1/tasks').expect(200);
    const created = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'ROLE-1' }))
      .expect(201);
    await app.http(viewer).patch(`/api/v1/tasks/${created.body.id}`).send({ status: 'done' }).expect(403);
    await app.http(viewer).delete(`/api/v1/tasks/${created.body.id}`).expect(403);
  });
});
