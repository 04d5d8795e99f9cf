import { DataSource } from 'typeorm';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { BOOT_201, eventually, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';

/**
 * K17 (EV renegotiation, ISO 15118): the EV's chosen schedule is checked against what Apron granted on the EVSE
 * (K17.FR.11/12) and a schedule over the limits is answered Rejected and renegotiated (K17.FR.13, TC_K_55_CSMS).
 */
describe('OCPP 2.0.1 K17: NotifyEVChargingSchedule', () => {
  let app: TestApp;
  let fleetManager: string;
  let station: TestRpcClient;
  const setProfiles: { id: number; limit: number }[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    await registerCharger(app, fleetManager, 'K17-201', {
      site: { unknownIdTagPolicy: 'accept' },
      charger: { currentType: 'AC', phases: 3, voltageV: 230, maxKw: 22, connectors: [{ connectorId: 1, maxKw: 22 }] },
    });
    station = ocppClient(app, 'K17-201', 'ocpp2.0.1');
    station.handle(async ({ method, params }: { method?: string; params?: Record<string, unknown> }) => {
      if (method === 'SetChargingProfile') {
        const profile = params!.chargingProfile as {
          id: number;
          chargingSchedule: { chargingSchedulePeriod: { limit: number }[] }[];
        };
        setProfiles.push({ id: profile.id, limit: profile.chargingSchedule[0].chargingSchedulePeriod[0].limit });
      }
      return { status: 'Accepted' };
    });
    await station.connect();
    await station.call('BootNotification', BOOT_201);
    await station.call('TransactionEvent', {
      eventType: 'Started',
      timestamp: new Date().toISOString(),
      triggerReason: 'CablePluggedIn',
      seqNo: 0,
      evse: { id: 1, connectorId: 1 },
      transactionInfo: { transactionId: 'k17-tx' },
    });
  });

  afterAll(async () => {
    await station?.close({ force: true }).catch(() => undefined);
    await app?.close();
  });

  /** What the CSMS grants: a TxProfile of 11.04 kW (16 A on three phases) for the transaction, for an hour. */
  async function grant(): Promise<Date> {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await app
      .http(fleetManager)
      .post('/api/v1/chargers/K17-201/charging-profiles')
      .send({
        purpose: 'Tx',
        evseId: 1,
        profileId: 170,
        stackLevel: 2,
        transactionId: 'k17-tx',
        slots: [{ start: start.toISOString(), durationSeconds: 3600, powerKw: 11.04 }],
      })
      .expect(200);
    return start;
  }

  const evSchedule = (timeBase: Date, limitA: number) => ({
    timeBase: timeBase.toISOString(),
    evseId: 1,
    chargingSchedule: {
      id: 1,
      chargingRateUnit: 'A',
      duration: 1800,
      chargingSchedulePeriod: [{ startPeriod: 0, limit: limitA, numberPhases: 3 }],
    },
  });

  it('TC_K_55_CSMS: an EV schedule over the granted limit is Rejected (K17.FR.12) and renegotiated (K17.FR.13)', async () => {
    const start = await grant();
    const sentBefore = setProfiles.filter((p) => p.id === 170).length;
    const answer = await station.call('NotifyEVChargingSchedule', evSchedule(new Date(start.getTime() + 60_000), 32));
    expect(answer).toEqual({ status: 'Rejected' });
    // K16: the granted TxProfile is sent again, so the station renegotiates with the EV.
    await eventually(async () => expect(setProfiles.filter((p) => p.id === 170).length).toBe(sentBefore + 1));
    // Step 11: the EV's new schedule within the limit is Accepted (K17.FR.11).
    const again = await station.call('NotifyEVChargingSchedule', evSchedule(new Date(start.getTime() + 60_000), 16));
    expect(again).toEqual({ status: 'Accepted' });
  });

  it('stores each schedule the EV chose with the verdict, for the operator', async () => {
    const rows: { status: string }[] = await app.app
      .get(DataSource)
      .query(
        `SELECT "payload"->>'status' AS status FROM "ocpp_charger_events" WHERE "chargePointId" = 'K17-201' AND "type" = 'ev.chargingSchedule'`,
      );
    expect(rows.map((row) => row.status).sort()).toEqual(['Accepted', 'Rejected']);
  });

  it('answers a known 2.0.1 action Apron does not handle with NotSupported, not NotImplemented (OCPP-J 2.0.1 §4.3)', async () => {
    await expect(
      station.call('ReservationStatusUpdate', { reservationId: 1, reservationUpdateStatus: 'Expired' }),
    ).rejects.toMatchObject({ rpcErrorCode: 'NotSupported' });
    await expect(station.call('NoSuchAction', {})).rejects.toMatchObject({ rpcErrorCode: 'NotImplemented' });
  });
});
