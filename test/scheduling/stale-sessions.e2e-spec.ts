import { BOOT_16, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { StoredRun } from './simulated-depot-site';

/**
 * A charger that lost a transaction (rebooted mid-session, missed its stop) leaves it open while a new one starts on the
 * same connector: the plan takes the latest, says which it left out, and the site is still planned.
 */
describe('a stale session on a connector does not stop the site being planned', () => {
  let app: TestApp;
  let cp: TestRpcClient;
  let siteId: string;

  beforeAll(async () => {
    app = await startTestApp();
    ({ siteId } = await registerCharger(app, ADMIN_TOKEN, 'STALE-16', {
      site: { kind: 'highway', unknownIdTagPolicy: 'accept' },
    }));
    cp = ocppClient(app, 'STALE-16', 'ocpp1.6');
    // A charger that obeys: one answering NotImplemented would be left out of the plan, sessions and all (issue 15).
    cp.handle('SetChargingProfile', async () => ({ status: 'Accepted' }));
    await cp.connect();
    await cp.call('BootNotification', BOOT_16);
  });
  afterAll(async () => {
    await cp?.close();
    await app.close();
  });

  it('plans the latest session of the connector and notes the one left out', async () => {
    const start = (minutesAgo: number, idTag: string) =>
      cp.call('StartTransaction', {
        connectorId: 1,
        idTag,
        meterStart: 0,
        timestamp: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      }) as Promise<{ transactionId: number }>;
    const lost = await start(30, 'EARLIER-CAR');
    const latest = await start(5, 'LATER-CAR');
    const open = await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?chargePointId=STALE-16&active=true`);
      return page.body.items as { id: string; transactionId: string }[];
    });
    const byTransaction = new Map(open.map((session) => [session.transactionId, session.id]));

    const response = await app.http(ADMIN_TOKEN).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    const run = response.body.run as StoredRun;
    expect(run.status).not.toBe('infeasible');
    expect(run.input.sessions?.map((session) => session.id)).toEqual([byTransaction.get(String(latest.transactionId))]);
    const lostId = byTransaction.get(String(lost.transactionId));
    if (lostId !== undefined) {
      // Still open at the gateway (it did not close it on the new start): the plan says it left it out.
      expect(run.notes).toContainEqual(expect.stringContaining(`session ${lostId} on STALE-16/1 left out`));
    }
  });
});
