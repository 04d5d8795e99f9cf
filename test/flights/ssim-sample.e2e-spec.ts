import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_RUN_COUNTS } from './ssim-sample-counts';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { createFlightSite, postSchedule } from './flights-site';

/** The real SSIM file of ../shared/data/ssim (beside the checkout); counts and how they were made: ssim-sample-counts.ts. */
const SAMPLE = readFileSync(join(__dirname, '../../../shared/data/ssim/sample.ssim'), 'latin1');

describe('the real SSIM sample through the API (station RUN)', () => {
  let app: TestApp;
  let manager: string;
  let siteId: string;

  beforeAll(async () => {
    app = await startTestApp();
    manager = await createKey(app, 'fleet-manager');
    siteId = await createFlightSite(app, manager, 'RUN-SAMPLE', 'RUN');
  });
  afterAll(() => app.close());

  it.each(Object.entries(SAMPLE_RUN_COUNTS))('imports the legs operating at RUN on %s', async (date, counts) => {
    const response = await postSchedule(app, manager, siteId, 'text/plain', SAMPLE, `?from=${date}&to=${date}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ created: counts.departures + counts.arrivals, updated: 0, cancelled: 0 });
    const flights = (await app.http(manager).get(`/api/v1/sites/${siteId}/flights`).expect(200)).body as {
      operatingDate: string;
      direction: string;
    }[];
    const onDate = flights.filter((flight) => flight.operatingDate === date);
    expect(onDate.filter((f) => f.direction === 'departure')).toHaveLength(counts.departures);
    expect(onDate.filter((f) => f.direction === 'arrival')).toHaveLength(counts.arrivals);
  });

  it('imports the whole season, and re-importing it changes nothing', async () => {
    const first = await postSchedule(app, manager, siteId, 'text/plain', SAMPLE).expect(200);
    expect(first.body.created).toBeGreaterThan(0);
    const again = await postSchedule(app, manager, siteId, 'text/plain', SAMPLE).expect(200);
    expect(again.body).toMatchObject({
      created: 0,
      updated: 0,
      cancelled: 0,
      unchanged: first.body.created + first.body.unchanged,
    });
  });
});
