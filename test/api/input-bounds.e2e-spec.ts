import { aSite, aTask, aVehicle } from '../support/fixtures';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

const fieldsOf = (body: { fields: { field: string }[] }) => body.fields.map((error) => error.field).sort();

describe('input bounds: values no real site has, and null where a value is needed, are 400s naming the field', () => {
  let app: TestApp;
  let siteId: string;
  beforeAll(async () => {
    app = await startTestApp();
    siteId = (await app.http(ADMIN_TOKEN).post('/api/v1/sites').send(aSite()).expect(201)).body.id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses 1e308 for prices, demand charge and base load of a site', async () => {
    const tariff = { currency: 'CNY', steps: [{ from: '2026-11-22T00:00:00Z', pricePerKwh: 1e308 }] };
    const response = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/sites')
      .send(aSite({ code: 'HUGE', baseLoadKw: 1e308, demandChargePerKw: 1e308, tariff }))
      .expect(400);
    expect(fieldsOf(response.body)).toEqual(['baseLoadKw', 'demandChargePerKw', 'tariff.steps.0.pricePerKwh']);
  });

  it('refuses 1e308 for task energy and distance and vehicle consumption', async () => {
    const task = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { energyKwhPerVehicle: 1e308, distanceKm: 1e308 }))
      .expect(400);
    expect(fieldsOf(task.body)).toEqual(['distanceKm', 'energyKwhPerVehicle']);
    const vehicle = await app
      .http(ADMIN_TOKEN)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { consumptionKwhPerKm: 1e308 }))
      .expect(400);
    expect(fieldsOf(vehicle.body)).toEqual(['consumptionKwhPerKm']);
  });

  it.each(['tariff.timeOfUse', 'tariff.steps', 'baseLoadKw', 'demandChargePerKw'])(
    'refuses null for %s',
    async (field) => {
      const site = aSite({ code: 'NULLS' });
      const [head, tail] = field.split('.');
      const body = tail ? { ...site, tariff: { ...(site.tariff as object), [tail]: null } } : { ...site, [head]: null };
      const response = await app.http(ADMIN_TOKEN).post('/api/v1/sites').send(body).expect(400);
      expect(response.body.fields).toEqual([{ field, messages: [`${field} may not be null`] }]);
    },
  );

  it('still lets a PATCH clear tickSeconds with null (documented nullable)', async () => {
    await app.http(ADMIN_TOKEN).patch(`/api/v1/sites/${siteId}`).send({ tickSeconds: 30 }).expect(200);
    const cleared = await app
      .http(ADMIN_TOKEN)
      .patch(`/api/v1/sites/${siteId}`)
      .send({ tickSeconds: null })
      .expect(200);
    expect(cleared.body.tickSeconds).toBeNull();
  });

  it('refuses an offset beyond 1,000,000', async () => {
    const response = await app.http(ADMIN_TOKEN).get('/api/v1/sites?offset=1e20').expect(400);
    expect(fieldsOf(response.body)).toEqual(['offset']);
    await app.http(ADMIN_TOKEN).get('/api/v1/sites?offset=1000000').expect(200);
  });
});
