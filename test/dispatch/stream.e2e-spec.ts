import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';
import { createDispatchSite, DispatchSite, taskAt } from './dispatch-site';
import { StreamReader } from './sse-reader';

describe('dispatch: live event stream (Server-Sent Events)', () => {
  let app: TestApp;
  let dispatcher: string;
  let viewer: string;
  let site: DispatchSite;
  let other: DispatchSite;
  const readers: StreamReader[] = [];
  const open = (path: string, headers: Record<string, string> = {}) => {
    const reader = new StreamReader(`${app.baseUrl}${path}`, headers);
    readers.push(reader);
    return reader;
  };

  beforeAll(async () => {
    app = await startTestApp();
    dispatcher = await createKey(app, 'dispatcher');
    viewer = await createKey(app, 'viewer');
    site = await createDispatchSite(app, 'DISP-SSE', { buses: ['BUS-01', 'BUS-02'] }, [taskAt('', 'SSE-1', 2)]);
    other = await createDispatchSite(app, 'DISP-SSE-2', { buses: ['BUS-09'] }, [taskAt('', 'SSE-9', 2)]);
  });
  afterAll(async () => {
    for (const reader of readers) reader.close();
    await app.close();
  });

  it('delivers plan.applied, assignments.changed and override events of its site only', async () => {
    const stream = open(`/api/v1/sites/${site.siteId}/stream`, { Authorization: `Bearer ${viewer}` });
    const response = await stream.response;
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    await stream.waitFor((frame) => frame.comment === 'connected');

    await app.http(dispatcher).post(`/api/v1/sites/${other.siteId}/solve-now`).expect(200);
    const solved = await app.http(dispatcher).post(`/api/v1/sites/${site.siteId}/solve-now`).expect(200);
    const applied = await stream.waitFor((frame) => frame.event === 'plan.applied');
    expect(JSON.parse(applied.data!)).toMatchObject({
      type: 'plan.applied',
      siteId: site.siteId,
      planRunId: solved.body.run.id,
      applied: 'new',
    });
    const changed = await stream.waitFor((frame) => frame.event === 'assignments.changed');
    expect(JSON.parse(changed.data!)).toMatchObject({
      siteId: site.siteId,
      planRunId: solved.body.run.id,
      previousPlanRunId: null,
      added: [{ taskId: 'SSE-1', vehicleId: expect.stringMatching(/^BUS-0[12]$/) }],
      removed: [],
    });

    await app
      .http(dispatcher)
      .post(`/api/v1/sites/${site.siteId}/tasks/${site.tasks['SSE-1']}/forbids`)
      .send({ vehicle: 'BUS-01' })
      .expect(200);
    const override = await stream.waitFor((frame) => frame.event === 'override');
    expect(JSON.parse(override.data!)).toMatchObject({
      type: 'override',
      siteId: site.siteId,
      kind: 'forbid',
      taskId: site.tasks['SSE-1'],
      details: { vehicle: 'BUS-01', flightRef: 'SSE-1' },
      by: { role: 'dispatcher' },
    });
    const events = stream.frames.filter((frame) => frame.data).map((frame) => JSON.parse(frame.data!));
    expect(events.every((event) => event.siteId === site.siteId)).toBe(true);
  });

  it('takes the key as ?access_token= on the stream only (EventSource cannot set headers)', async () => {
    const stream = open(`/api/v1/sites/${site.siteId}/stream?access_token=${viewer}`);
    expect((await stream.response).statusCode).toBe(200);
    await stream.waitFor((frame) => frame.comment === 'connected');

    const refused = open(`/api/v1/sites/${site.siteId}/stream?access_token=not-a-key`);
    expect((await refused.response).statusCode).toBe(401);
    const bare = open(`/api/v1/sites/${site.siteId}/stream`);
    expect((await bare.response).statusCode).toBe(401);
    await app.http().get(`/api/v1/sites/${site.siteId}/alerts?access_token=${viewer}`).expect(401);
    await app.http().get(`/api/v1/sites/${site.siteId}/plan?access_token=${dispatcher}`).expect(401);
  });

  it('after a restart, diffs the next plan against the stored one, with the overrides still in force', async () => {
    const stored = (await app.http(viewer).get(`/api/v1/sites/${site.siteId}/plan`).expect(200)).body;
    const [before] = stored.result.assignments.filter((a: { taskId: string }) => a.taskId === 'SSE-1');
    const other = before.vehicleId === 'BUS-01' ? 'BUS-02' : 'BUS-01';
    const task = `/api/v1/sites/${site.siteId}/tasks/${site.tasks['SSE-1']}`;
    await app.http(dispatcher).delete(`${task}/forbids/BUS-01`).expect(200);
    await app.http(dispatcher).post(`${task}/pins`).send({ vehicle: other }).expect(200);
    for (const reader of readers.splice(0)) reader.close();
    await app.stopService();
    app = await startTestApp({ database: app.database });

    const stream = open(`/api/v1/sites/${site.siteId}/stream`, { Authorization: `Bearer ${viewer}` });
    await stream.waitFor((frame) => frame.comment === 'connected');
    const solved = await app.http(dispatcher).post(`/api/v1/sites/${site.siteId}/solve-now`).expect(200);
    const changed = await stream.waitFor((frame) => frame.event === 'assignments.changed');
    expect(JSON.parse(changed.data!)).toMatchObject({
      planRunId: solved.body.run.id,
      previousPlanRunId: stored.id,
      added: [{ taskId: 'SSE-1', vehicleId: other }],
      removed: [{ taskId: 'SSE-1', vehicleId: before.vehicleId }],
    });
  });

  it("ends a key's open streams when the key is revoked, and only that key's", async () => {
    const created = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/api-keys')
      .send({ name: 'wall screen', role: 'viewer' })
      .expect(201);
    const revoked = created.body.token as string;
    const viaHeader = open(`/api/v1/sites/${site.siteId}/stream`, { Authorization: `Bearer ${revoked}` });
    const viaQuery = open(`/api/v1/sites/${site.siteId}/stream?access_token=${revoked}`);
    const kept = open(`/api/v1/sites/${site.siteId}/stream`, { Authorization: `Bearer ${viewer}` });
    for (const stream of [viaHeader, viaQuery, kept]) await stream.waitFor((frame) => frame.comment === 'connected');

    await app.http(ADMIN_TOKEN).delete(`/api/v1/api-keys/${created.body.id}`).expect(200);
    await Promise.all([viaHeader.ended, viaQuery.ended]);

    await app.http(dispatcher).post(`/api/v1/sites/${site.siteId}/solve-now`).expect(200);
    await kept.waitFor((frame) => frame.event === 'plan.applied');
    const reopened = open(`/api/v1/sites/${site.siteId}/stream`, { Authorization: `Bearer ${revoked}` });
    expect((await reopened.response).statusCode).toBe(401);
  });

  it('answers 404 for an unknown site', async () => {
    const stream = open('/api/v1/sites/00000000-0000-4000-8000-000000000000/stream', {
      Authorization: `Bearer ${viewer}`,
    });
    expect((await stream.response).statusCode).toBe(404);
  });
});
