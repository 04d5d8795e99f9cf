import { aSite, aTask } from '../support/fixtures';
import { createKey, startTestApp, TestApp } from '../support/test-app';

/** Idempotency-Key on creates: a retried create answers the first response and creates nothing more. */
describe('Idempotency-Key on creates', () => {
  let app: TestApp;
  let fleetManager: string;
  let otherFleetManager: string;
  let siteId: string;
  let nowMs = Date.parse('2026-12-08T06:00:00Z');

  beforeAll(async () => {
    app = await startTestApp({ clock: { now: () => new Date(nowMs) } });
    fleetManager = await createKey(app, 'fleet-manager');
    otherFleetManager = await createKey(app, 'fleet-manager');
    siteId = (
      await app
        .http(fleetManager)
        .post('/api/v1/sites')
        .send(aSite({ code: 'IDEM' }))
        .expect(201)
    ).body.id;
  });
  afterAll(() => app.close());

  const tasksNamed = async (flightRef: string): Promise<number> => {
    const list = await app.http(fleetManager).get(`/api/v1/tasks?siteId=${siteId}&limit=500`).expect(200);
    return list.body.items.filter((task: { flightRef: string }) => task.flightRef === flightRef).length;
  };
  const createTask = (token: string, key: string, body: Record<string, unknown>) =>
    app.http(token).post('/api/v1/tasks').set('Idempotency-Key', key).send(body);

  it('answers a retry with the same key and body with the first response, creating one task', async () => {
    const first = await createTask(fleetManager, 'task-1', aTask(siteId, { flightRef: 'IDEM-1' })).expect(201);
    const retry = await createTask(fleetManager, 'task-1', aTask(siteId, { flightRef: 'IDEM-1' })).expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await tasksNamed('IDEM-1')).toBe(1);
  });

  it('replays a create that would now conflict (a site with the same code) instead of answering 409', async () => {
    const first = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .set('Idempotency-Key', 'site-1')
      .send(aSite({ code: 'IDEM-SITE' }))
      .expect(201);
    const retry = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .set('Idempotency-Key', 'site-1')
      .send(aSite({ code: 'IDEM-SITE' }))
      .expect(201);
    expect(retry.body.id).toBe(first.body.id);
  });

  it('refuses the same key with a different body (422) and creates nothing', async () => {
    await createTask(fleetManager, 'task-2', aTask(siteId, { flightRef: 'IDEM-2' })).expect(201);
    const other = await createTask(fleetManager, 'task-2', aTask(siteId, { flightRef: 'IDEM-2B' })).expect(422);
    expect(other.body.message).toMatch(/Idempotency-Key task-2 .*different request/);
    expect(await tasksNamed('IDEM-2B')).toBe(0);
  });

  it('scopes keys per API key: another key may use the same Idempotency-Key for its own create', async () => {
    await createTask(fleetManager, 'shared', aTask(siteId, { flightRef: 'IDEM-3' })).expect(201);
    await createTask(otherFleetManager, 'shared', aTask(siteId, { flightRef: 'IDEM-3B' })).expect(201);
    expect([await tasksNamed('IDEM-3'), await tasksNamed('IDEM-3B')]).toEqual([1, 1]);
  });

  it('forgets a key whose request failed, so the corrected request may use it', async () => {
    await createTask(fleetManager, 'task-4', aTask(siteId, { flightRef: 'IDEM-4', vehiclesNeeded: -1 })).expect(400);
    await createTask(fleetManager, 'task-4', aTask(siteId, { flightRef: 'IDEM-4' })).expect(201);
    expect(await tasksNamed('IDEM-4')).toBe(1);
  });

  it('creates once under two concurrent requests with one key; the other gets 409 (in progress) or the replay', async () => {
    const body = aTask(siteId, { flightRef: 'IDEM-5' });
    const [a, b] = await Promise.all([
      createTask(fleetManager, 'task-5', body),
      createTask(fleetManager, 'task-5', body),
    ]);
    const statuses = [a.status, b.status].sort();
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    if (statuses[1] === 201) expect(a.body.id).toBe(b.body.id);
    expect(await tasksNamed('IDEM-5')).toBe(1);
  });

  it('forgets keys after 24 h', async () => {
    await createTask(fleetManager, 'task-6', aTask(siteId, { flightRef: 'IDEM-6' })).expect(201);
    nowMs += 25 * 3600_000;
    await createTask(fleetManager, 'task-6', aTask(siteId, { flightRef: 'IDEM-6B' })).expect(201);
    expect(await tasksNamed('IDEM-6B')).toBe(1);
  });

  it('answers 400 naming Idempotency-Key when the key is not 1 to 255 printable characters', async () => {
    const response = await createTask(fleetManager, 'x'.repeat(256), aTask(siteId)).expect(400);
    expect(response.body.fields).toEqual([{ field: 'Idempotency-Key', messages: [expect.any(String)] }]);
  });
});
