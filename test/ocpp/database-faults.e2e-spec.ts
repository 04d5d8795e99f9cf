import { DataSource } from 'typeorm';
import { databaseBehindProxy, LoopbackProxy } from '../support/loopback-proxy';
import { BOOT_16, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';
import { TestDatabase } from '../support/test-database';

const MINUTE_MS = 60_000;
const START_WH = 10_000;
const STEP_WH = 500;

/**
 * The database is cut, then hangs, while a charger sends meter values and the API is called. A charger is confirmed
 * only what is stored: every MeterValues answered without error is in the database afterwards, the ones that got an
 * error are stored when the charger sends them again (counted once), the API says 503 meanwhile, and the service
 * recovers without a restart.
 */
describe('meter values while the database is cut or hangs', () => {
  let database: TestDatabase;
  let proxy: LoopbackProxy;
  let databasePort: number;
  let app: TestApp;
  let cp: TestRpcClient;
  let viewer: string;

  beforeAll(async () => {
    let url: string;
    ({ database, proxy, databasePort, url } = await databaseBehindProxy());
    app = await startTestApp({ database: { ...database, url } });
    viewer = await createKey(app, 'viewer');
    await registerCharger(app, ADMIN_TOKEN, 'FAULT-16', { site: { unknownIdTagPolicy: 'accept' } });
    cp = ocppClient(app, 'FAULT-16', 'ocpp1.6');
    await cp.connect();
    await cp.call('BootNotification', BOOT_16);
  });
  afterAll(async () => {
    proxy.resume();
    proxy.pointAt(databasePort);
    await cp?.close({ force: true }).catch(() => undefined);
    await app.close();
    await proxy.close();
  });

  it('stores every acknowledged reading, and the rest when sent again', async () => {
    const t0 = Date.now() - 60 * MINUTE_MS;
    const { transactionId } = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'FAULT-CAR',
      meterStart: START_WH,
      timestamp: new Date(t0).toISOString(),
    })) as { transactionId: number };
    const reading = (i: number) => ({
      connectorId: 1,
      transactionId,
      meterValue: [
        {
          timestamp: new Date(t0 + (i + 1) * 10_000).toISOString(),
          sampledValue: [{ value: String(START_WH + (i + 1) * STEP_WH), measurand: 'Energy.Active.Import.Register' }],
        },
      ],
    });
    const acknowledged: number[] = [];
    const refused: number[] = [];
    const apiStatuses = new Set<number>();
    let i = 0;
    const send = async (count: number) => {
      for (const end = i + count; i < end; i += 1) {
        const n = i;
        await cp.call('MeterValues', reading(n)).then(
          () => acknowledged.push(n),
          () => refused.push(n),
        );
      }
    };
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    /** Once the service has noticed (its probe runs every second, with a 3 s deadline), the API says 503. */
    const apiWhileAway = async () => {
      await eventually(async () => expect((await app.http().get('/health')).status).toBe(503), 15_000);
      const response = await app.http(viewer).get('/api/v1/sites');
      apiStatuses.add(response.status);
      expect(response.headers['retry-after']).toBe('5');
    };

    await send(5);
    proxy.pointAt(undefined);
    await send(5);
    await apiWhileAway();
    proxy.pointAt(databasePort);
    await eventually(() => app.http(viewer).get('/api/v1/sites').expect(200), 15_000);
    await send(5);
    proxy.hang();
    const duringHang = send(3);
    await apiWhileAway();
    await pause(500);
    proxy.resume();
    await duringHang;
    await send(5);

    expect(apiStatuses).toEqual(new Set([503]));
    expect(refused.length).toBeGreaterThan(0);
    const dataSource = app.app.get(DataSource);
    const storedWh = async () =>
      (
        (await dataSource.query(
          `SELECT "energyWh" FROM "ocpp_meter_samples" WHERE "chargePointId" = 'FAULT-16' ORDER BY "sampledAt"`,
        )) as { energyWh: number }[]
      ).map((row) => row.energyWh);
    const whOf = (n: number) => START_WH + (n + 1) * STEP_WH;
    expect(await storedWh()).toEqual(expect.arrayContaining(acknowledged.map(whOf)));

    // The charger sends again what got no confirmation; nothing is stored or counted twice.
    for (const n of [...refused, acknowledged[0]]) await cp.call('MeterValues', reading(n));
    expect(await storedWh()).toEqual([...Array(i).keys()].map(whOf));
    await cp.call('StopTransaction', {
      transactionId,
      meterStop: whOf(i - 1),
      timestamp: new Date(t0 + (i + 1) * 10_000).toISOString(),
    });
    const session = await eventually(() =>
      app.http(viewer).get('/api/v1/charging-sessions?chargePointId=FAULT-16').expect(200),
    );
    expect(session.body.items[0].energyWh).toBe(i * STEP_WH);
  });
});
