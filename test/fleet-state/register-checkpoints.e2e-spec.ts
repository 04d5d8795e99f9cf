import { randomUUID } from 'node:crypto';
import { FleetSessionRow } from '../../src/fleet-state/persistence/fleet-session.entity';
import { FleetSessionsRepository } from '../../src/fleet-state/persistence/fleet-sessions.repository';
import { OcppFleetFeed } from '../../src/fleet-state/ocpp-feed/ocpp-fleet-feed';
import { BOOT_16, ocppClient, registerCharger } from '../support/ocpp-clients';
import { createKey, startTestApp, TestApp } from '../support/test-app';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 6, minute));

function openSession(sessionId: string): FleetSessionRow {
  return Object.assign(new FleetSessionRow(), {
    sessionId,
    chargePointId: 'CP-1',
    siteId: null,
    evseId: 1,
    idTag: null,
    vehicleId: null,
    linkSource: null,
    nonFleet: true,
    startedAt: at(0),
    endedAt: null,
    lastRegisterWh: 1000,
    lastRegisterAt: at(0),
  });
}

describe('register checkpoints of charging sessions (batched, per session)', () => {
  let app: TestApp;

  afterAll(() => app.close());

  it('only ever move a checkpoint forward, whatever order the writes land in', async () => {
    app = await startTestApp();
    const sessions = app.app.get(FleetSessionsRepository);
    const id = randomUUID();
    await sessions.save(openSession(id));

    await sessions.advanceRegisters([{ sessionId: id, lastRegisterWh: 3000, lastRegisterAt: at(10) }]);
    await sessions.advanceRegisters([
      { sessionId: id, lastRegisterWh: 2000, lastRegisterAt: at(5) },
      { sessionId: randomUUID(), lastRegisterWh: 9, lastRegisterAt: at(5) },
    ]);

    expect(await sessions.find(id)).toMatchObject({ lastRegisterWh: 3000, lastRegisterAt: at(10) });
    await app.stopService();
  });

  it('keeps the latest register of a session in progress across a restart', async () => {
    app = await startTestApp({ database: app.database, env: { APRON_FLEET_PERSIST_DELAY_MS: '60000' } });
    const token = await createKey(app, 'fleet-manager');
    await registerCharger(app, token, 'RC-16', { site: { unknownIdTagPolicy: 'accept' } });
    const cp = ocppClient(app, 'RC-16', 'ocpp1.6');
    await cp.connect();
    await cp.call('BootNotification', BOOT_16);
    const started = new Date();
    const { transactionId } = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'VISITOR',
      meterStart: 1000,
      timestamp: started.toISOString(),
    })) as { transactionId: number };
    for (let i = 1; i <= 5; i++) {
      await cp.call('MeterValues', {
        connectorId: 1,
        transactionId,
        meterValue: [
          {
            timestamp: new Date(started.getTime() + i * 60_000).toISOString(),
            sampledValue: [{ value: String(1000 + i * 500), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
          },
        ],
      });
    }
    await app.app.get(OcppFleetFeed).idle();
    const reader = await createKey(app, 'viewer');
    const page = await app.http(reader).get('/api/v1/charging-sessions?chargePointId=RC-16').expect(200);
    const sessionId = page.body.items[0].id as string;
    // The persist delay is a minute: only the shutdown writes the last checkpoints.
    await app.stopService();
    await cp.close({ force: true }).catch(() => undefined);

    app = await startTestApp({ database: app.database });
    expect(await app.app.get(FleetSessionsRepository).find(sessionId)).toMatchObject({
      lastRegisterWh: 3500,
      lastRegisterAt: new Date(started.getTime() + 5 * 60_000),
    });
  });
});
