import { aVehicle } from '../support/fixtures';
import { BOOT_16, BOOT_201, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { parsePrometheusText, seriesValue, sumOf } from '../support/prometheus-text';
import { createKey, startTestApp, TestApp } from '../support/test-app';

const iso = (minute: number) => new Date(Date.UTC(2026, 10, 23, 6, minute)).toISOString();
const power16 = (minute: number, powerKw: number) => ({
  timestamp: iso(minute),
  sampledValue: [{ value: String(powerKw), measurand: 'Power.Active.Import', unit: 'kW' }],
});
const power201 = (minute: number, powerW: number) => ({
  timestamp: iso(minute),
  sampledValue: [{ value: powerW, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W' } }],
});

/**
 * Issue 6 metrics after real OCPP traffic on loopback: raw OCPP messages by direction (rate() gives messages per
 * second) and the site's metered power next to its grid limit.
 */
describe('/metrics: OCPP messages and metered site power', () => {
  let app: TestApp;
  let siteId: string;
  const clients: TestRpcClient[] = [];
  /** Frames as the chargers saw them: what they sent is what the service received, and the other way round. */
  const chargerFrames = { sent: 0, received: 0 };

  const scrape = async () => parsePrometheusText((await app.http().get('/metrics').expect(200)).text);
  const meteredWatts = async () => seriesValue(await scrape(), 'apron_site_metered_power_watts', { site_id: siteId });
  const frames = async (direction: string) => sumOf(await scrape(), 'apron_ocpp_messages_total', { direction });
  const connect = async (identity: string, protocol: 'ocpp1.6' | 'ocpp2.0.1') => {
    const client = ocppClient(app, identity, protocol);
    client.on('message', ({ outbound }: { outbound: boolean }) => {
      if (outbound) chargerFrames.sent++;
      else chargerFrames.received++;
    });
    clients.push(client);
    await client.connect();
    await client.call('BootNotification', protocol === 'ocpp1.6' ? BOOT_16 : BOOT_201);
    return client;
  };

  beforeAll(async () => {
    app = await startTestApp();
    const fleetManager = await createKey(app, 'fleet-manager');
    ({ siteId } = await registerCharger(app, fleetManager, 'MET-16'));
    await registerCharger(app, fleetManager, 'MET-201', { siteId });
    await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { idTag: 'MET-TAG', fleetNumber: 'BUS-01' }))
      .expect(201);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close({ force: true }).catch(() => undefined)));
    await app.close();
  });

  it('counts every OCPP frame by direction and sums the latest metered power of the charging connectors', async () => {
    expect(await frames('inbound')).toBe(0);
    expect(await frames('outbound')).toBe(0);

    const cp16 = await connect('MET-16', 'ocpp1.6');
    await cp16.call('StatusNotification', {
      connectorId: 1,
      errorCode: 'NoError',
      status: 'Preparing',
      timestamp: iso(0),
    });
    const { transactionId } = (await cp16.call('StartTransaction', {
      connectorId: 1,
      idTag: 'MET-TAG',
      meterStart: 0,
      timestamp: iso(1),
    })) as { transactionId: number };
    await cp16.call('MeterValues', { connectorId: 1, transactionId, meterValue: [power16(2, 50)] });
    await cp16.call('MeterValues', { connectorId: 1, transactionId, meterValue: [power16(3, 11)] });

    const cs201 = await connect('MET-201', 'ocpp2.0.1');
    const transaction = (seqNo: number, eventType: string, minute: number, extra: Record<string, unknown>) => ({
      eventType,
      timestamp: iso(minute),
      triggerReason: eventType === 'Started' ? 'CablePluggedIn' : 'MeterValuePeriodic',
      seqNo,
      transactionInfo: { transactionId: 'met-tx-1' },
      ...extra,
    });
    await cs201.call(
      'TransactionEvent',
      transaction(0, 'Started', 1, { evse: { id: 1, connectorId: 1 }, meterValue: [power201(1, 22_000)] }),
    );
    // 2.0.1 names the EVSE only in the first event of a transaction.
    await cs201.call('TransactionEvent', transaction(1, 'Updated', 2, { meterValue: [power201(2, 30_000)] }));

    await eventually(async () => expect(await meteredWatts()).toBe((11 + 30) * 1000));
    // Next to the grid limit, which the first tick reports.
    const dispatcher = await createKey(app, 'dispatcher');
    await app.http(dispatcher).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    expect(seriesValue(await scrape(), 'apron_site_grid_limit_watts', { site_id: siteId })).toBe(2_000_000);

    // The service counted exactly the frames the chargers exchanged with it, calls from either side included (checked
    // while both are connected: a frame in flight when a socket is dropped is seen by one side only).
    expect(chargerFrames.sent).toBeGreaterThanOrEqual(8);
    await eventually(async () => {
      expect(await frames('inbound')).toBe(chargerFrames.sent);
      expect(await frames('outbound')).toBe(chargerFrames.received);
    });
    // By action and version, an answer under the call it answers.
    const families = await scrape();
    const boot = { action: 'BootNotification', version: '1.6' };
    expect(seriesValue(families, 'apron_ocpp_messages_total', { direction: 'inbound', ...boot })).toBe(1);
    expect(seriesValue(families, 'apron_ocpp_messages_total', { direction: 'outbound', ...boot })).toBe(1);
    const events = { action: 'TransactionEvent', version: '2.0.1' };
    expect(seriesValue(families, 'apron_ocpp_messages_total', { direction: 'inbound', ...events })).toBe(2);

    await cp16.call('StopTransaction', { transactionId, meterStop: 1_000, timestamp: iso(4) });
    await eventually(async () => expect(await meteredWatts()).toBe(30_000));
    // The 1.6 session's register went from 0 to 1,000 Wh; a retried stop adds nothing.
    const energyWh = async () =>
      seriesValue(await scrape(), 'apron_energy_delivered_watt_hours_total', { site_id: siteId });
    await eventually(async () => expect(await energyWh()).toBe(1_000));
    await cp16.call('StopTransaction', { transactionId, meterStop: 1_000, timestamp: iso(4) });
    expect(await energyWh()).toBe(1_000);
    await cs201.close({ force: true });
    await eventually(async () => expect(await meteredWatts()).toBe(0));
  });
});
