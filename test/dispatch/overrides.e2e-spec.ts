import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';
import { createDispatchSite, DispatchSite, solveNow, taskAt, vehiclesOn } from './dispatch-site';

const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field);

describe('dispatch: overrides the next tick honours', () => {
  let app: TestApp;
  let dispatcher: string;
  let fleetManager: string;
  let viewer: string;
  let site: DispatchSite;
  const base = () => `/api/v1/sites/${site.siteId}`;
  const auditTotal = async () => (await app.http(viewer).get(`${base()}/overrides`).expect(200)).body.total as number;

  beforeAll(async () => {
    app = await startTestApp();
    dispatcher = await createKey(app, 'dispatcher');
    fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    site = await createDispatchSite(app, 'DISP-OVR', { buses: ['BUS-01', 'BUS-02', 'BUS-03'], tractors: ['TUG-01'] }, [
      taskAt('', 'PIN-1', 2),
      taskAt('', 'FORBID-1', 4),
      taskAt('', 'DONE-1', 6),
      taskAt('', 'CANCEL-1', 8),
    ]);
  });
  afterAll(() => app.close());

  it('assigns a pinned vehicle on the next tick, and stores and audits the pin', async () => {
    const before = vehiclesOn(await solveNow(app, dispatcher, site.siteId), 'PIN-1');
    expect(before).toHaveLength(1);
    const pinned = ['BUS-01', 'BUS-02', 'BUS-03'].find((bus) => bus !== before[0])!;
    const response = await app
      .http(dispatcher)
      .post(`${base()}/tasks/${site.tasks['PIN-1']}/pins`)
      .send({ vehicle: pinned })
      .expect(200);
    expect(response.body.pinnedVehicles).toEqual([pinned]);
    const plan = await solveNow(app, dispatcher, site.siteId);
    expect(plan.input.tasks.find((task) => task.id === 'PIN-1')!.pinnedVehicles).toEqual([pinned]);
    expect(vehiclesOn(plan, 'PIN-1')).toEqual([pinned]);

    const audit = (await app.http(viewer).get(`${base()}/overrides`).expect(200)).body;
    expect(audit.items[0]).toMatchObject({
      kind: 'pin',
      taskId: site.tasks['PIN-1'],
      details: { vehicle: pinned, flightRef: 'PIN-1' },
      role: 'dispatcher',
      apiKeyId: expect.any(String),
    });

    await app.http(dispatcher).delete(`${base()}/tasks/${site.tasks['PIN-1']}/pins/${pinned}`).expect(200);
    await app.http(dispatcher).delete(`${base()}/tasks/${site.tasks['PIN-1']}/pins/${pinned}`).expect(404);
  });

  it('never assigns a forbidden vehicle on the next tick', async () => {
    const [usual] = vehiclesOn(await solveNow(app, dispatcher, site.siteId), 'FORBID-1');
    await app
      .http(fleetManager)
      .post(`${base()}/tasks/${site.tasks['FORBID-1']}/forbids`)
      .send({ vehicle: usual })
      .expect(200);
    const plan = await solveNow(app, dispatcher, site.siteId);
    expect(vehiclesOn(plan, 'FORBID-1')).toHaveLength(1);
    expect(vehiclesOn(plan, 'FORBID-1')).not.toContain(usual);
    await app.http(dispatcher).delete(`${base()}/tasks/${site.tasks['FORBID-1']}/forbids/${usual}`).expect(200);
  });

  it('leaves an out-of-service vehicle out of the next plan, and brings it back in service', async () => {
    const id = site.vehicles['BUS-03'];
    const out = await app
      .http(dispatcher)
      .post(`${base()}/vehicles/${id}/out-of-service`)
      .send({ reason: 'door fault' })
      .expect(200);
    expect(out.body.inService).toBe(false);
    const plan = await solveNow(app, dispatcher, site.siteId);
    expect(plan.input.vehicles.map((v) => v.id)).not.toContain('BUS-03');
    expect(plan.result.assignments.map((a) => a.vehicleId)).not.toContain('BUS-03');
    const audit = (await app.http(viewer).get(`${base()}/overrides?limit=1`).expect(200)).body;
    expect(audit.items[0]).toMatchObject({ kind: 'out-of-service', vehicleId: id, details: { reason: 'door fault' } });

    await app.http(dispatcher).post(`${base()}/vehicles/${id}/in-service`).expect(200);
    const back = await solveNow(app, dispatcher, site.siteId);
    expect(back.input.vehicles.map((v) => v.id)).toContain('BUS-03');
  });

  it('plans an ad-hoc task on the next tick', async () => {
    const body = taskAt(site.siteId, 'ADHOC-1', 3);
    delete body.siteId;
    const created = await app.http(dispatcher).post(`${base()}/tasks`).send(body).expect(201);
    expect(created.body).toMatchObject({ siteId: site.siteId, flightRef: 'ADHOC-1', status: 'planned' });
    const plan = await solveNow(app, dispatcher, site.siteId);
    expect(plan.input.tasks.map((task) => task.id)).toContain('ADHOC-1');
    expect(vehiclesOn(plan, 'ADHOC-1')).toHaveLength(1);
  });

  it('drops done and cancelled tasks from the next plan, and refuses to finish them twice', async () => {
    await app.http(dispatcher).post(`${base()}/tasks/${site.tasks['DONE-1']}/done`).expect(200);
    const cancelled = await app.http(dispatcher).post(`${base()}/tasks/${site.tasks['CANCEL-1']}/cancel`).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const plan = await solveNow(app, dispatcher, site.siteId);
    const planned = plan.input.tasks.map((task) => task.id);
    expect(planned).not.toContain('DONE-1');
    expect(planned).not.toContain('CANCEL-1');
    expect(plan.result.assignments.map((a) => a.taskId)).not.toContain('DONE-1');
    await app.http(dispatcher).post(`${base()}/tasks/${site.tasks['DONE-1']}/cancel`).expect(409);
  });

  it('answers field-level 400s for a wrong type, pin plus forbid, an unknown vehicle and too many pins, storing nothing', async () => {
    const task = site.tasks['FORBID-1'];
    const auditBefore = await auditTotal();
    const wrongType = await app.http(dispatcher).post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'TUG-01' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.fields).toEqual([
      { field: 'vehicle', messages: ['vehicle TUG-01 is a baggage-tractor; the task needs a apron-bus'] },
    ]);
    const unknown = await app.http(dispatcher).post(`${base()}/tasks/${task}/forbids`).send({ vehicle: 'BUS-99' });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['vehicle']);
    const malformed = await app.http(dispatcher).post(`${base()}/tasks/${task}/pins`).send({ vehicle: '' });
    expect(fieldsOf(malformed.body)).toEqual(['vehicle']);

    await app.http(dispatcher).post(`${base()}/tasks/${task}/forbids`).send({ vehicle: 'BUS-01' }).expect(200);
    const both = await app.http(dispatcher).post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'BUS-01' });
    expect(both.status).toBe(400);
    expect(both.body.fields).toEqual([
      { field: 'vehicle', messages: ['vehicle BUS-01 cannot be both pinned and forbidden on a task'] },
    ]);
    await app.http(dispatcher).post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'BUS-02' }).expect(200);
    const tooMany = await app.http(dispatcher).post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'BUS-03' });
    expect(tooMany.status).toBe(400);
    expect(fieldsOf(tooMany.body)).toEqual(['vehicle']);

    const stored = (await app.http(viewer).get(`/api/v1/tasks/${task}`).expect(200)).body;
    expect(stored).toMatchObject({ pinnedVehicles: ['BUS-02'], forbiddenVehicles: ['BUS-01'] });
    expect(await auditTotal()).toBe(auditBefore + 2);

    await app.http(ADMIN_TOKEN).patch(`/api/v1/tasks/${task}`).send({ vehiclesNeeded: 2 }).expect(200);
    await app.http(dispatcher).post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'BUS-03' }).expect(200);
    const fewer = await app.http(ADMIN_TOKEN).patch(`/api/v1/tasks/${task}`).send({ vehiclesNeeded: 1 });
    expect(fewer.status).toBe(400);
    expect(fieldsOf(fewer.body)).toEqual(['vehiclesNeeded']);
  });

  it('lets only dispatchers, fleet managers and admins override, and answers 404 across sites', async () => {
    const task = site.tasks['PIN-1'];
    await app.http(viewer).post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'BUS-01' }).expect(403);
    await app.http(viewer).post(`${base()}/vehicles/${site.vehicles['BUS-01']}/out-of-service`).send({}).expect(403);
    await app.http(viewer).post(`${base()}/tasks/${task}/done`).expect(403);
    await app
      .http(viewer)
      .post(`${base()}/tasks`)
      .send(taskAt('', 'VIEWER-1', 2))
      .expect(403);
    await app.http().post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'BUS-01' }).expect(401);
    await app.http(ADMIN_TOKEN).post(`${base()}/tasks/${task}/pins`).send({ vehicle: 'BUS-01' }).expect(200);
    const audit = (await app.http(viewer).get(`${base()}/overrides?limit=1`).expect(200)).body;
    expect(audit.items[0]).toMatchObject({ kind: 'pin', role: 'admin', apiKeyId: null });

    const other = await createDispatchSite(app, 'DISP-OTHER', { buses: [] }, []);
    await app
      .http(dispatcher)
      .post(`/api/v1/sites/${other.siteId}/tasks/${task}/pins`)
      .send({ vehicle: 'BUS-01' })
      .expect(404);
    await app
      .http(dispatcher)
      .post(`/api/v1/sites/${other.siteId}/vehicles/${site.vehicles['BUS-01']}/out-of-service`)
      .send({})
      .expect(404);
  });
});
