import { createKey, startTestApp, TestApp } from '../support/test-app';
import { BOOT_16, ocppClient, registerCharger } from '../support/ocpp-clients';

describe('OCPP persistence across a restart', () => {
  let app: TestApp;

  afterAll(() => app.close());

  it('flushes buffered meter samples and session energy on shutdown; the charger shows offline after', async () => {
    app = await startTestApp({ env: {} });
    const token = await createKey(app, 'fleet-manager');
    await registerCharger(app, token, 'RS-16', { site: { unknownIdTagPolicy: 'accept' } });
    const cp = ocppClient(app, 'RS-16', 'ocpp1.6');
    await cp.connect();
    await cp.call('BootNotification', BOOT_16);
    const { transactionId } = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'ANY',
      meterStart: 1000,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number };
    for (let i = 1; i <= 20; i++) {
      await cp.call('MeterValues', {
        connectorId: 1,
        transactionId,
        meterValue: [
          {
            timestamp: new Date(Date.now() + i).toISOString(),
            sampledValue: [{ value: String(1000 + i * 100), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
          },
        ],
      });
    }
    // Stop right away: the batch writer still holds the samples.
    await app.stopService();
    await cp.close({ force: true }).catch(() => undefined);
    app = await startTestApp({ database: app.database });
    const reader = await createKey(app, 'viewer');
    const page = await app.http(reader).get('/api/v1/charging-sessions?chargePointId=RS-16').expect(200);
    expect(page.body.items[0]).toMatchObject({ transactionId: String(transactionId), energyWh: 2000, active: true });
    const samples = await app.http(reader).get(`/api/v1/chargers/RS-16/meter-samples`).expect(200);
    expect(samples.body.total).toBe(20);
    const state = await app.http(reader).get('/api/v1/chargers/RS-16/connection').expect(200);
    expect(state.body).toMatchObject({ online: false, bootStatus: 'Accepted' });
  });
});
