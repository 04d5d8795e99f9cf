import { DataSource } from 'typeorm';
import { OcppEventBus, OcppEventEnvelope } from '../../src/ocpp/events/ocpp-event-bus';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { BOOT_16, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const reading = (timestamp: string, energyWh: number | string, socPercent?: number) => ({
  timestamp,
  sampledValue: [
    { value: String(energyWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
    ...(socPercent === undefined ? [] : [{ value: String(socPercent), measurand: 'SoC', unit: 'Percent' }]),
  ],
});

/**
 * A meter sample dated 2999 froze a vehicle's SoC estimate and a register of 1e308 Wh became a session's energy
 * (ISSUE 14). Such samples are stored flagged and kept out of the session's energy, countedEnergyWh and SoC readings.
 */
describe('OCPP meter plausibility: implausible samples are stored flagged and never counted', () => {
  let app: TestApp;
  let viewer: string;
  const published: OcppEventEnvelope[] = [];
  const clients: TestRpcClient[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    // Connectors of 150 kW (test/support/fixtures.ts).
    await registerCharger(app, fleetManager, 'MP-16');
    app.app.get(OcppEventBus).events$.subscribe((envelope) => {
      if (envelope.chargePointId === 'MP-16') published.push(envelope);
    });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
  });

  it('future-dated samples, a 1e308 register, an impossible jump and an absurd meter stop are kept out of session energy', async () => {
    const cp = ocppClient(app, 'MP-16', 'ocpp1.6');
    clients.push(cp);
    await cp.connect();
    await cp.call('BootNotification', BOOT_16);
    const { transactionId } = (await cp.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TAG-MP',
      meterStart: 1000,
      timestamp: ago(30),
    })) as { transactionId: number };
    const send = (meterValue: object) =>
      cp.call('MeterValues', { connectorId: 1, transactionId, meterValue: [meterValue] });

    await send(reading(ago(20), 3000, 40)); // +2000 Wh
    await send(reading('2999-01-01T00:00:00.000Z', 4000, 99)); // future: flagged, must not freeze the register
    await send(reading(ago(15), '1e308')); // absurd
    await send(reading(ago(10), 3500, 45)); // +500 Wh: counted, so the 2999 sample did not freeze the counter
    await send(reading(ago(9), 500_000)); // 150 kW for one minute is 2.5 kWh, not 496.5 kWh: flagged
    await cp.call('StopTransaction', { transactionId, meterStop: 1e308, timestamp: ago(5) });

    const sessions = await app.http(viewer).get('/api/v1/charging-sessions?chargePointId=MP-16').expect(200);
    expect(sessions.body.items[0]).toMatchObject({ energyWh: 2500, active: false, lastSocPercent: 45 });

    const counted = published.reduce((sum, envelope) => sum + (envelope.countedEnergyWh ?? 0), 0);
    expect(counted).toBe(2500);
    const socs = published.flatMap((envelope) =>
      envelope.event.type === 'meter.sample' && envelope.event.socPercent !== undefined
        ? [envelope.event.socPercent]
        : [],
    );
    expect(socs).toEqual([40, 45]);

    await eventually(async () => {
      const rows: { energyWh: number; implausible: string | null }[] = await app.app
        .get(DataSource)
        .query(
          `SELECT "energyWh", "implausible" FROM "ocpp_meter_samples" WHERE "chargePointId" = 'MP-16' ORDER BY "id"`,
        );
      expect(rows.map((row) => [row.energyWh, row.implausible])).toEqual([
        [3000, null],
        [4000, 'futureTimestamp'],
        [1e308, 'absurdValue'],
        [3500, null],
        [500_000, 'energyJump'],
      ]);
    });
  });
});
