import { SchedulerRegistry } from '@nestjs/schedule';
import { SiteTickService } from '../../src/scheduling/site-tick.service';
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

  it('ticks a site created through the API at once, stores the run as a tick, and stops cleanly', async () => {
    const site = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/sites')
      .send(aSite({ code: 'AUTO-1', tickSeconds: 600 }));
    expect(site.status).toBe(201);
    // No sync asked for: the periodic one is 30 s away, and the eventually below gives up after 20.
    const runs = await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${site.body.id}/plan-runs`).expect(200);
      expect(page.body.total).toBe(1);
      return page.body.items as { trigger: string }[];
    }, 20_000);
    expect(runs[0].trigger).toBe('tick');
  });

  it('a site removed through the API stops ticking; a tick running at shutdown finishes and is stored', async () => {
    const doomed = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/sites')
      .send(aSite({ code: 'AUTO-2' }))
      .expect(201);
    await app.http(ADMIN_TOKEN).delete(`/api/v1/sites/${doomed.body.id}`).expect(204);
    await app.app.get(TickScheduler).sync();
    expect(app.app.get(SchedulerRegistry).doesExist('interval', `site-tick:${doomed.body.id}`)).toBe(false);

    const site = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/sites')
      .send(aSite({ code: 'AUTO-3', tickSeconds: 600 }))
      .expect(201);
    // Its first interval tick runs at once; the next is ten minutes away, so the solve-now below is the only one.
    await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${site.body.id}/plan-runs`).expect(200);
      expect(page.body.total).toBe(1);
    }, 20_000);
    const ticking = app.app.get(SiteTickService).tick(site.body.id, 'solve-now');
    await expect(app.stopService()).resolves.toBeUndefined();
    const outcome = await ticking;
    expect(outcome.ran).toBe(true);
    if (outcome.ran) expect(outcome.run.id).toEqual(expect.any(String));
  });
});
