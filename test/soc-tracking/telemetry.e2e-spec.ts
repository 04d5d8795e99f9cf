import { aSite, aTask, aVehicle } from '../support/fixtures';
import { fleetVehicles, put } from '../support/soc-tracking-helpers';
import { TaskCompletions } from '../../src/soc-tracking/tasks/task-completions';
import { ConsumptionLearnerRepository } from '../../src/soc-tracking/persistence/consumption-learner.repository';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE_MS).toISOString();

describe('telemetry API, tasks done and restart: fleet state from telematics', () => {
  let app: TestApp;
  let fleetManager: string;
  let dispatcher: string;
  let viewer: string;
  let telemetry: string;
  let siteId: string;
  const ids = new Map<string, string>();

  const post = (token: string, readings: unknown) => app.http(token).post('/api/v1/telemetry').send({ readings });
  const history = async (fleetNumber: string) =>
    (
      await app
        .http(viewer)
        .get(`/api/v1/vehicles/${ids.get(fleetNumber)}/soc-history?limit=500`)
        .expect(200)
    ).body.items as { at: string; source: string; socPercent: number; readingPercent: number | null }[];

  beforeAll(async () => {
    process.env.APRON_FLEET_PERSIST_DELAY_MS = '50';
    process.env.APRON_FLEET_TASK_POLL_MS = '0';
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    dispatcher = await createKey(app, 'dispatcher');
    viewer = await createKey(app, 'viewer');
    telemetry = await createKey(app, 'telemetry');
    const site = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'FS-TELEMETRY' }))
      .expect(201);
    siteId = site.body.id as string;
    for (const fleetNumber of ['BUS-11', 'BUS-12', 'BUS-13']) {
      const vehicle = await app
        .http(fleetManager)
        .post('/api/v1/vehicles')
        .send(aVehicle(siteId, { fleetNumber, chargeEfficiency: 1 }))
        .expect(201);
      ids.set(fleetNumber, vehicle.body.id as string);
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('rejects bad readings one by one with index, field and message, and stores the good ones of the batch', async () => {
    const response = await post(telemetry, [
      { vehicle: 'BUS-11', time: ago(30), socPercent: 70, odometerKm: 1200.5, position: { lat: 23.39, lon: 113.3 } },
      { vehicle: 'BUS-11', time: ago(20), socPercent: 140 },
      { vehicle: 'BUS-11', time: new Date(Date.now() + 60 * MINUTE_MS).toISOString(), socPercent: 60 },
      { vehicle: 'BUS-99', time: ago(20), socPercent: 50 },
      { vehicle: ids.get('BUS-12'), time: ago(25), socPercent: 64, state: 'parked' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, field: 'socPercent', message: 'socPercent must be within 0–100, got 140' },
        { index: 2, field: 'time', message: expect.stringMatching(/in the future/) },
        { index: 3, field: 'vehicle', message: 'unknown vehicle BUS-99' },
      ],
    });
    const fleet = await fleetVehicles(app, viewer, siteId);
    expect(fleet.get('BUS-11')!.soc).toMatchObject({ lastDirectReading: { source: 'telematics', socPercent: 70 } });
    expect(fleet.get('BUS-12')!.soc!.lastDirectReading!.socPercent).toBe(64);
    expect(fleet.get('BUS-13')!.soc).toBeNull();
  });

  it('keeps the good readings of a batch that also holds text PostgreSQL cannot store (NUL, lone surrogate)', async () => {
    const bus = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'BUS-21' }))
      .expect(201);
    ids.set('BUS-21', bus.body.id as string);
    const response = await post(telemetry, [
      { vehicle: 'BUS-21', time: ago(50), socPercent: 55, state: 'door\u0000open' },
      { vehicle: 'BUS-\ud800', time: ago(50), socPercent: 55 },
      { vehicle: 'BUS-21', time: ago(45), socPercent: 54, state: 'parked' },
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 0, field: 'state', message: expect.stringMatching(/NUL/) },
        { index: 1, field: 'vehicle', message: expect.stringMatching(/surrogate/) },
      ],
    });
    expect((await history('BUS-21')).map((point) => point.readingPercent)).toEqual([54]);
  });

  it('is idempotent per vehicle and time, and tolerates out-of-order delivery', async () => {
    const late = { vehicle: 'BUS-11', time: ago(40), socPercent: 72 };
    const again = await post(telemetry, [
      { vehicle: 'BUS-11', time: ago(30).replace(/:\d\d\.\d+Z$/, ''), socPercent: 1 },
    ]);
    expect(again.body.rejected).toHaveLength(1);
    const first = await post(telemetry, [late, late]).expect(200);
    expect(first.body).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const repeat = await post(telemetry, [late]).expect(200);
    expect(repeat.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });

    const points = await history('BUS-11');
    expect(points.map((p) => p.readingPercent)).toEqual([72, 70]);
    // The newest reading still decides the current estimate: the older one arrived late but sorts first.
    const bus = (await fleetVehicles(app, viewer, siteId)).get('BUS-11')!;
    expect(bus.soc!.lastDirectReading!.socPercent).toBe(70);
  });

  it('answers 400 for a malformed body and 403 for a role that may not push', async () => {
    await app.http(telemetry).post('/api/v1/telemetry').send({ readings: 'BUS-11' }).expect(400);
    await app.http(telemetry).post('/api/v1/telemetry').send({ readings: [] }).expect(400);
    await app.http(telemetry).post('/api/v1/telemetry').send({}).expect(400);
    await post(viewer, [{ vehicle: 'BUS-11', time: ago(1), socPercent: 50 }]).expect(403);
    await post(ADMIN_TOKEN, [{ vehicle: 'BUS-13', time: ago(50), socPercent: 90 }]).expect(200);
  });

  it('a task marked done draws its energy from the vehicle and its SoC drop teaches the learner', async () => {
    const start = new Date(Date.now() - 45 * MINUTE_MS);
    const end = new Date(Date.now() - 35 * MINUTE_MS);
    const task = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, {
          vehiclesNeeded: 1,
          start: start.toISOString(),
          end: end.toISOString(),
          energyKwhPerVehicle: 14,
        }),
      )
      .expect(201);
    await post(telemetry, [{ vehicle: 'BUS-13', time: ago(30), socPercent: 84 }]).expect(200);
    await app.http(fleetManager).patch(`/api/v1/tasks/${task.body.id}`).send({ status: 'done' }).expect(200);
    const assigned = await put(app, dispatcher, `/api/v1/tasks/${task.body.id}/vehicles`)
      .send({ vehicles: ['BUS-13'] })
      .expect(200);
    expect(assigned.body).toEqual([
      {
        taskId: task.body.id,
        vehicleId: ids.get('BUS-13'),
        completedAt: expect.any(String),
        observedAt: expect.any(String),
      },
    ]);
    // The learner takes the observed drop, not the task's stated 14 kWh: 90 % before, 84 % after, 6 % of 280 kWh.
    const learner = await app.app.get(ConsumptionLearnerRepository).load();
    expect(learner!.records).toEqual([
      expect.objectContaining({
        vehicleId: ids.get('BUS-13'),
        taskKind: 'apron-bus',
        kwhPerTask: expect.objectContaining({ samples: 1, mean: expect.closeTo(16.8, 9) }),
      }),
    ]);
    const taskPoints = (await history('BUS-13')).filter((p) => p.source === 'task');
    expect(taskPoints).toHaveLength(1);
    expect(taskPoints[0].at).toBe(end.toISOString());
  });

  it('shows the next assigned task with its energy and the SoC predicted at its start', async () => {
    const task = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, {
          flightRef: 'CZ3999-A1',
          vehiclesNeeded: 1,
          start: new Date(Date.now() + 60 * MINUTE_MS).toISOString(),
          end: new Date(Date.now() + 90 * MINUTE_MS).toISOString(),
          energyKwhPerVehicle: 9.5,
        }),
      )
      .expect(201);
    await put(app, dispatcher, `/api/v1/tasks/${task.body.id}/vehicles`)
      .send({ vehicles: ['BUS-12'] })
      .expect(200);
    const bus = (await fleetVehicles(app, viewer, siteId)).get('BUS-12')!;
    expect(bus.nextTask).toMatchObject({ flightRef: 'CZ3999-A1', energyKwh: 9.5, energySource: 'stated' });
    expect(bus.nextTask!.predictedSocPercent).toBeCloseTo(bus.soc!.socPercent, 6);
    await put(app, dispatcher, `/api/v1/tasks/${task.body.id}/vehicles`)
      .send({ vehicles: ['BUS-99'] })
      .expect(400);
    await put(app, dispatcher, `/api/v1/tasks/${task.body.id}/vehicles`).send({ vehicles: [] }).expect(200, []);
    expect((await fleetVehicles(app, viewer, siteId)).get('BUS-12')!.nextTask).toBeNull();
  });

  it("counts a dispatcher's pin as an assignment: next task ahead, energy drawn once the task is done", async () => {
    const start = new Date(Date.now() + 30 * MINUTE_MS);
    const task = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, {
          flightRef: 'CZ3777-A1',
          vehiclesNeeded: 1,
          start: start.toISOString(),
          end: new Date(start.getTime() + 20 * MINUTE_MS).toISOString(),
          energyKwhPerVehicle: 7,
        }),
      )
      .expect(201);
    await app
      .http(dispatcher)
      .post(`/api/v1/sites/${siteId}/tasks/${task.body.id}/pins`)
      .send({ vehicle: 'BUS-11' })
      .expect(200);
    expect((await fleetVehicles(app, viewer, siteId)).get('BUS-11')!.nextTask).toMatchObject({
      flightRef: 'CZ3777-A1',
      energyKwh: 7,
    });
    await app.http(dispatcher).post(`/api/v1/sites/${siteId}/tasks/${task.body.id}/done`).expect(200);
    await app.app.get(TaskCompletions).runOnce();
    const assigned = await app.http(viewer).get(`/api/v1/tasks/${task.body.id}/vehicles`).expect(200);
    expect(assigned.body).toEqual([
      expect.objectContaining({ vehicleId: ids.get('BUS-11'), completedAt: expect.any(String) }),
    ]);
    expect((await history('BUS-11')).filter((p) => p.source === 'task')).toHaveLength(1);
  });

  it('keeps every estimate across a restart of the service', async () => {
    const before = await fleetVehicles(app, viewer, siteId);
    await app.stopService();
    app = await startTestApp({ database: app.database });
    const after = await fleetVehicles(app, viewer, siteId);
    for (const fleetNumber of ['BUS-11', 'BUS-12', 'BUS-13']) {
      const [was, is] = [before.get(fleetNumber)!.soc!, after.get(fleetNumber)!.soc!];
      expect(is.socPercent).toBeCloseTo(was.socPercent, 6);
      expect(is.lastDirectReading).toEqual(was.lastDirectReading);
      expect(is.uncertaintyPercent).toBeGreaterThanOrEqual(was.uncertaintyPercent - 1e-9);
    }
    expect((await history('BUS-11')).length).toBeGreaterThanOrEqual(2);
  });
});
