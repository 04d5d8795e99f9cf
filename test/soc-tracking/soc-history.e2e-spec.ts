import { aSite, aVehicle } from '../support/fixtures';
import { eventually } from '../support/ocpp-clients';
import { createKey, startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface HistoryPage {
  items: { at: string; source: string; readingPercent: number | null }[];
  total: number;
  limit: number;
  offset: number;
}

describe('GET /api/v1/vehicles/{id}/soc-history', () => {
  let app: TestApp;
  let viewer: string;
  let vehicleId: string;
  // Whole minutes in the past, so the range bounds below fall between readings.
  const baseMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - 60 * MINUTE_MS;
  const at = (minutes: number) => new Date(baseMs + minutes * MINUTE_MS).toISOString();
  const history = (query: string) => app.http(viewer).get(`/api/v1/vehicles/${vehicleId}/soc-history?${query}`);

  beforeAll(async () => {
    app = await startTestApp();
    const fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    const telemetry = await createKey(app, 'telemetry');
    const site = await app
      .http(fleetManager)
      .post('/api/v1/sites')
      .send(aSite({ code: 'FS-SOC-HISTORY' }))
      .expect(201);
    const vehicle = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(site.body.id as string, { fleetNumber: 'BUS-41' }))
      .expect(201);
    vehicleId = vehicle.body.id as string;
    const readings = [0, 10, 20, 30].map((minutes, i) => ({
      vehicle: 'BUS-41',
      time: at(minutes),
      socPercent: 80 - i * 5,
    }));
    await app.http(telemetry).post('/api/v1/telemetry').send({ readings }).expect(200);
    await eventually(async () => expect((await history('').expect(200)).body.total).toBe(4));
  });
  afterAll(() => app.close());

  it('lists the points inside from..to oldest first, and pages them with the total of the range', async () => {
    const range = `from=${at(5)}&to=${at(25)}`;
    const all = (await history(range).expect(200)).body as HistoryPage;
    expect(all.items.map((point) => [point.at, point.readingPercent])).toEqual([
      [at(10), 75],
      [at(20), 70],
    ]);
    expect(all.total).toBe(2);

    const second = (await history(`${range}&limit=1&offset=1`).expect(200)).body as HistoryPage;
    expect(second).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(second.items.map((point) => point.at)).toEqual([at(20)]);
  });

  it('answers 400 on field to when to is before from', async () => {
    const response = await history(`from=${at(20)}&to=${at(10)}`).expect(400);
    expect(response.body.fields).toEqual([{ field: 'to', messages: ['to must not be before from'] }]);
  });

  it('answers 404 for a vehicle that does not exist', async () => {
    const response = await app.http(viewer).get(`/api/v1/vehicles/${UNKNOWN_ID}/soc-history`).expect(404);
    expect(response.body.message).toBe(`Vehicle ${UNKNOWN_ID} not found`);
  });
});
