import { TickScheduler } from '../../src/scheduling/tick-scheduler';
import { aSite } from '../support/fixtures';
import { eventually } from '../support/ocpp-clients';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

describe('interval ticks', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { APRON_SCHEDULER: 'on', APRON_TICK_SECONDS: '3600' } });
  });
  afterAll(() => app.close());

  it('ticks a new site on its own, stores the run as a tick, and stops cleanly with the service', async () => {
    const site = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/sites')
      .send(aSite({ code: 'AUTO-1', tickSeconds: 600 }));
    expect(site.status).toBe(201);
    // The scheduler syncs with the sites table every 30 s; ask now rather than wait.
    await app.app.get(TickScheduler).sync();
    const runs = await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${site.body.id}/plan-runs`).expect(200);
      expect(page.body.total).toBe(1);
      return page.body.items as { trigger: string }[];
    }, 20_000);
    expect(runs[0].trigger).toBe('tick');
    await expect(app.stopService()).resolves.toBeUndefined();
  });
});
