import { checkInvariants, type PlanInput, type PlanResult } from '@apron/planner';
import { aCharger, aSite, aTask, aVehicle } from '../support/fixtures';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

describe('scheduling: solve now and stored plan runs', () => {
  let app: TestApp;
  let dispatcher: string;
  let viewer: string;
  let siteId: string;

  beforeAll(async () => {
    app = await startTestApp();
    dispatcher = await createKey(app, 'dispatcher');
    viewer = await createKey(app, 'viewer');
    const admin = app.http(ADMIN_TOKEN);
    siteId = (
      await admin
        .post('/api/v1/sites')
        .send(aSite({ code: 'SCHED-1' }))
        .expect(201)
    ).body.id;
    await admin
      .post('/api/v1/chargers')
      .send(aCharger(siteId, { chargePointId: 'SCHED-CP1' }))
      .expect(201);
    for (const fleetNumber of ['BUS-01', 'BUS-02']) {
      await admin
        .post('/api/v1/vehicles')
        .send(aVehicle(siteId, { fleetNumber, idTag: null }))
        .expect(201);
    }
    const start = new Date(Date.now() + 2 * 3600_000);
    await admin
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, {
          flightRef: 'CZ3101-A1',
          start: start.toISOString(),
          end: new Date(start.getTime() + 1800_000).toISOString(),
        }),
      )
      .expect(201);
  });
  afterAll(() => app.close());

  it('solves the site, stores a replayable run whose plan passes the invariant checker, and notes what it assumed', async () => {
    const response = await app.http(dispatcher).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    expect(response.body.ran).toBe(true);
    const run = response.body.run as { input: PlanInput; result: PlanResult; notes: string[]; applied: string };
    expect(run.input.site.id).toBe('SCHED-1');
    expect(run.input.tasks!.map((t) => t.id)).toEqual(['CZ3101-A1']);
    expect(run.input.vehicles!.map((v) => v.id).sort()).toEqual(['BUS-01', 'BUS-02']);
    expect(checkInvariants(run.input, run.result)).toEqual([]);
    // The charger never connected over OCPP, so it cannot be planned; vehicles have no SoC estimate yet.
    expect(run.input.chargers).toEqual([]);
    expect(run.notes).toEqual(
      expect.arrayContaining([
        'charger SCHED-CP1 is offline: left out of the plan',
        'vehicle BUS-01 has no SoC estimate: planned at its reserve',
      ]),
    );
    expect(run.result.assignments.map((a) => a.taskId)).toEqual(['CZ3101-A1', 'CZ3101-A1']);
  });

  it('serves the latest plan and the run history, newest first', async () => {
    await app.http(dispatcher).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    const latest = await app.http(viewer).get(`/api/v1/sites/${siteId}/plan`).expect(200);
    const history = await app.http(viewer).get(`/api/v1/sites/${siteId}/plan-runs?limit=1`).expect(200);
    expect(history.body.total).toBeGreaterThanOrEqual(2);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].id).toBe(latest.body.id);
    expect(history.body.items[0].input).toBeUndefined();
    const one = await app.http(viewer).get(`/api/v1/sites/${siteId}/plan-runs/${latest.body.id}`).expect(200);
    expect(one.body.result.status).toBe(latest.body.result.status);
  });

  it('lets dispatchers and fleet managers solve, not viewers, and answers 404 for an unknown site', async () => {
    await app.http(viewer).post(`/api/v1/sites/${siteId}/solve-now`).expect(403);
    await app.http(dispatcher).post('/api/v1/sites/00000000-0000-4000-8000-000000000000/solve-now').expect(404);
    const empty = (
      await app
        .http(ADMIN_TOKEN)
        .post('/api/v1/sites')
        .send(aSite({ code: 'SCHED-EMPTY' }))
        .expect(201)
    ).body.id;
    await app.http(viewer).get(`/api/v1/sites/${empty}/plan`).expect(404);
  });

  it('skips a second tick of the same site while one runs', async () => {
    const [first, second] = await Promise.all([
      app.http(dispatcher).post(`/api/v1/sites/${siteId}/solve-now`),
      app.http(dispatcher).post(`/api/v1/sites/${siteId}/solve-now`),
    ]);
    const ran = [first.body.ran, second.body.ran].sort();
    expect(ran).toEqual([false, true]);
    expect([first.body.reason, second.body.reason]).toContain('a tick of this site is already running');
  });
});
