import { createKey, startTestApp, TestApp } from '../support/test-app';
import {
  BOOT_16,
  BOOT_201,
  CHARGER_PASSWORD,
  connectStatus,
  ocppClient,
  registerCharger,
  TestRpcClient,
} from '../support/ocpp-clients';

const NEW_PASSWORD = 'a-brand-new-charger-password';

/** Resolves with the close code the server sent. */
const closed = (client: TestRpcClient) =>
  new Promise<number>((resolve) => client.once('close', (event: { code: number }) => resolve(event.code)));

describe('OCPP revocation: a deleted charger or a changed password ends the connection (ISSUE 14)', () => {
  let app: TestApp;
  let fleetManager: string;
  const clients: TestRpcClient[] = [];
  const client = (...args: Parameters<typeof ocppClient>) => {
    const created = ocppClient(...args);
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
  });

  it('deleting a charger closes its connection at once (1008); it can no longer connect or start a session', async () => {
    const { chargerId } = await registerCharger(app, fleetManager, 'RV-DEL');
    const cp = client(app, 'RV-DEL', 'ocpp1.6');
    expect(await connectStatus(cp)).toBe(101);
    await cp.call('BootNotification', BOOT_16);
    const closing = closed(cp);

    await app.http(fleetManager).delete(`/api/v1/chargers/${chargerId}`).expect(204);

    expect(await closing).toBe(1008);
    expect(await connectStatus(client(app, 'RV-DEL', 'ocpp1.6'))).toBe(404);
    const sessions = await app.http(fleetManager).get('/api/v1/charging-sessions?chargePointId=RV-DEL').expect(200);
    expect(sessions.body.total).toBe(0);
  });

  it('changing the password closes the connection; the old password then gets 401, the new one connects', async () => {
    const { chargerId } = await registerCharger(app, fleetManager, 'RV-PWD');
    const cs = client(app, 'RV-PWD', 'ocpp2.0.1');
    expect(await connectStatus(cs)).toBe(101);
    await cs.call('BootNotification', BOOT_201);
    const closing = closed(cs);

    await app.http(fleetManager).patch(`/api/v1/chargers/${chargerId}`).send({ password: NEW_PASSWORD }).expect(200);

    expect(await closing).toBe(1008);
    expect(await connectStatus(client(app, 'RV-PWD', 'ocpp2.0.1', CHARGER_PASSWORD))).toBe(401);
    const again = client(app, 'RV-PWD', 'ocpp2.0.1', NEW_PASSWORD);
    expect(await connectStatus(again)).toBe(101);
    expect(((await again.call('BootNotification', BOOT_201)) as { status: string }).status).toBe('Accepted');
  });

  it('an update that leaves the credentials alone keeps the connection', async () => {
    const { chargerId } = await registerCharger(app, fleetManager, 'RV-KEEP');
    const cp = client(app, 'RV-KEEP', 'ocpp1.6');
    expect(await connectStatus(cp)).toBe(101);
    await cp.call('BootNotification', BOOT_16);

    await app.http(fleetManager).patch(`/api/v1/chargers/${chargerId}`).send({ maxKw: 200 }).expect(200);

    // The connection still answers after the update was committed and published.
    expect(await cp.call('Heartbeat', {})).toHaveProperty('currentTime');
    expect(cp.state).toBe(1);
  });
});
