import { createRPCError } from 'ocpp-rpc';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import {
  BOOT_16,
  BOOT_201,
  CHARGER_PASSWORD,
  eventually,
  ocppClient,
  registerCharger,
  TestRpcClient,
} from '../support/ocpp-clients';

const slots = (start: Date, powersKw: number[]) =>
  powersKw.map((powerKw, i) => ({
    start: new Date(start.getTime() + i * 900_000).toISOString(),
    durationSeconds: 900,
    powerKw,
  }));

const EXPECTED: Record<string, string[]> = {
  'CMD-16': [
    'RemoteStartTransaction',
    'RemoteStopTransaction',
    'TriggerMessage',
    'ChangeAvailability',
    'Reset',
    'UnlockConnector',
    'ClearChargingProfile',
    'GetCompositeSchedule',
    'ChangeConfiguration',
    'GetConfiguration',
  ],
  'CMD-201': [
    'RequestStartTransaction',
    'RequestStopTransaction',
    'TriggerMessage',
    'ChangeAvailability',
    'Reset',
    'UnlockConnector',
    'ClearChargingProfile',
    'GetCompositeSchedule',
    'SetVariables',
  ],
};

describe('OCPP commands: service and admin endpoints', () => {
  let app: TestApp;
  let fleetManager: string;
  let viewer: string;
  const clients: TestRpcClient[] = [];
  const received: Record<string, { method: string; params: Record<string, unknown> }[]> = {};

  /** A raw charger that records every command and answers with `answer(method)`. */
  const charger = async (
    identity: string,
    protocol: 'ocpp1.6' | 'ocpp2.0.1',
    answer: (method: string, params: Record<string, unknown>) => object,
  ) => {
    const client = ocppClient(app, identity, protocol);
    clients.push(client);
    received[identity] = [];
    client.handle(async ({ method, params }: { method?: string; params?: Record<string, unknown> }) => {
      received[identity].push({ method: method ?? '', params: params ?? {} });
      return answer(method ?? '', params ?? {});
    });
    await client.connect();
    await client.call('BootNotification', protocol === 'ocpp1.6' ? BOOT_16 : BOOT_201);
    return client;
  };

  beforeAll(async () => {
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    viewer = await createKey(app, 'viewer');
    const { siteId } = await registerCharger(app, fleetManager, 'CMD-16', {
      site: { unknownIdTagPolicy: 'accept' },
      charger: { currentType: 'AC', phases: 3, voltageV: 230, maxKw: 22, connectors: [{ connectorId: 1, maxKw: 22 }] },
    });
    for (const id of ['CMD-201', 'CMD-OFF', 'CMD-SIM-16', 'CMD-SIM-201']) {
      await registerCharger(app, fleetManager, id, {
        siteId,
        charger: {
          currentType: 'AC',
          phases: 3,
          voltageV: 230,
          maxKw: 22,
          connectors: [{ connectorId: 1, maxKw: 22 }],
        },
      });
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close({ force: true }).catch(() => undefined)));
    await app.close();
  });

  it('TC_056 (1.6) / TC_K_01_CSMS (2.0.1) a TxDefaultProfile in A from kW slots reaches the charger', async () => {
    await charger('CMD-16', 'ocpp1.6', () => ({ status: 'Accepted' }));
    await charger('CMD-201', 'ocpp2.0.1', () => ({ status: 'Accepted' }));
    // Valid from the next whole minute on, for an hour (an expired profile would conflict with nothing).
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000);
    const body = { purpose: 'TxDefault', evseId: 1, profileId: 7, stackLevel: 1, slots: slots(start, [11.04, 22.08]) };
    for (const id of ['CMD-16', 'CMD-201']) {
      const response = await app
        .http(fleetManager)
        .post(`/api/v1/chargers/${id}/charging-profiles`)
        .send(body)
        .expect(200);
      expect(response.body).toMatchObject({ accepted: true, status: 'Accepted' });
    }
    // Other modules may send their own profiles on boot (safe default limit): pick ours by its id.
    const ours = (id: string, key: string) =>
      received[id].find(
        (r) =>
          r.method === 'SetChargingProfile' &&
          (r.params[key] as { [k: string]: unknown })?.[key === 'csChargingProfiles' ? 'chargingProfileId' : 'id'] ===
            7,
      )!.params;
    const v16 = ours('CMD-16', 'csChargingProfiles');
    expect(v16).toMatchObject({
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 7,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        chargingSchedule: {
          chargingRateUnit: 'A',
          startSchedule: start.toISOString(),
          chargingSchedulePeriod: [
            { startPeriod: 0, limit: 16, numberPhases: 3 },
            { startPeriod: 900, limit: 32, numberPhases: 3 },
          ],
        },
      },
    });
    const v201 = ours('CMD-201', 'chargingProfile');
    expect(v201).toMatchObject({ evseId: 1, chargingProfile: { id: 7, chargingProfilePurpose: 'TxDefaultProfile' } });
    // K01.FR.06: another id at the same stack level, purpose and EVSE with overlapping validity is not sent.
    const other = { ...body, profileId: 8 };
    const conflict = await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-201/charging-profiles')
      .send(other)
      .expect(400);
    expect(conflict.body.message).toMatch(/profile 7/);
    await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-201/charging-profiles/clear')
      .send({ profileId: 7 })
      .expect(200);
    await app.http(fleetManager).post('/api/v1/chargers/CMD-201/charging-profiles').send(other).expect(200);
  });

  it('maps a refusal to accepted=false, a CALLERROR to 502, invalid bodies to 400, viewers to 403', async () => {
    const refusing = await charger('CMD-16', 'ocpp1.6', (method) => {
      if (method === 'Reset') throw createRPCError('NotImplemented', 'no reset here');
      return { status: 'Rejected' };
    });
    const start = new Date(Date.UTC(2026, 10, 22, 6, 0));
    const rejected = await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-16/charging-profiles')
      .send({ purpose: 'StationMax', evseId: 0, profileId: 1, stackLevel: 5, slots: slots(start, [20]) })
      .expect(200);
    expect(rejected.body).toMatchObject({ accepted: false, status: 'Rejected' });
    const failed = await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-16/reset')
      .send({ kind: 'Soft' })
      .expect(502);
    expect(failed.body).toMatchObject({ ocppErrorCode: 'NotImplemented' });
    await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-16/charging-profiles')
      .send({ purpose: 'Tx', evseId: 1, profileId: 2, stackLevel: 0, slots: slots(start, [20]) })
      .expect(400);
    // K01.FR.03: a TxProfile needs an open transaction of this charger.
    await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-16/charging-profiles')
      .send({
        purpose: 'Tx',
        evseId: 1,
        profileId: 2,
        stackLevel: 0,
        transactionId: '999999',
        slots: slots(start, [20]),
      })
      .expect(400);
    await app.http(fleetManager).post('/api/v1/chargers/CMD-16/reset').send({ kind: 'Gentle' }).expect(400);
    await app.http(viewer).post('/api/v1/chargers/CMD-16/reset').send({ kind: 'Soft' }).expect(403);
    await refusing.close();
  });

  it('triggers every 2.0.1 MessageTrigger (certificates and publish-firmware ones too), and 1.6 only its own', async () => {
    await charger('CMD-201', 'ocpp2.0.1', () => ({ status: 'Accepted' }));
    await charger('CMD-16', 'ocpp1.6', () => ({ status: 'Accepted' }));
    const triggers = [
      'SignChargingStationCertificate',
      'SignV2GCertificate',
      'SignCombinedCertificate',
      'PublishFirmwareStatusNotification',
    ];
    for (const message of triggers) {
      const response = await app
        .http(fleetManager)
        .post('/api/v1/chargers/CMD-201/trigger-message')
        .send({ message })
        .expect(200);
      expect(response.body).toMatchObject({ accepted: true });
    }
    const requested = received['CMD-201']
      .filter((call) => call.method === 'TriggerMessage')
      .map((call) => call.params.requestedMessage);
    expect(requested).toEqual(triggers);
    const refused = await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-16/trigger-message')
      .send({ message: 'SignV2GCertificate' })
      .expect(400);
    expect(refused.body.message).toMatch(/cannot trigger SignV2GCertificate/);
  });

  it('B06.FR.05: a read of more variables than the station takes per message is sent in parts, the answers joined', async () => {
    type Item = { component: { name: string }; variable: { name: string; instance?: string } };
    await charger('CMD-201', 'ocpp2.0.1', (method, params) => {
      if (method !== 'GetVariables') return { status: 'Accepted' };
      return {
        getVariableResult: (params.getVariableData as Item[]).map((item) => ({
          attributeStatus: 'Accepted',
          attributeValue: item.variable.name === 'ItemsPerMessage' ? '2' : `value of ${item.variable.name}`,
          component: item.component,
          variable: item.variable,
        })),
      };
    });
    const calls = () =>
      received['CMD-201']
        .filter((call) => call.method === 'GetVariables')
        .map((call) => (call.params.getVariableData as Item[]).map((item) => item.variable));
    const keys = ['HeartbeatInterval', 'OfflineThreshold', 'RetryBackOffWaitMinimum'].map((key) => ({
      component: 'OCPPCommCtrlr',
      key,
    }));
    const response = await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-201/configuration/read')
      .send({ keys })
      .expect(200);
    expect(calls()).toEqual([
      [{ name: 'ItemsPerMessage', instance: 'GetVariables' }],
      [{ name: 'HeartbeatInterval' }, { name: 'OfflineThreshold' }],
      [{ name: 'RetryBackOffWaitMinimum' }],
    ]);
    expect(response.body).toMatchObject({ accepted: true });
    expect(
      (response.body.response.getVariableResult as { attributeValue: string }[]).map((r) => r.attributeValue),
    ).toEqual(['value of HeartbeatInterval', 'value of OfflineThreshold', 'value of RetryBackOffWaitMinimum']);
    // Asked once per connection.
    await app.http(fleetManager).post('/api/v1/chargers/CMD-201/configuration/read').send({ keys }).expect(200);
    expect(calls().filter((variables) => variables[0].name === 'ItemsPerMessage')).toHaveLength(1);
  });

  it('a command to an offline charger fails at once with 409, nothing queued', async () => {
    const started = Date.now();
    const response = await app
      .http(fleetManager)
      .post('/api/v1/chargers/CMD-OFF/reset')
      .send({ kind: 'Hard' })
      .expect(409);
    expect(response.body.message).toMatch(/not connected/);
    expect(Date.now() - started).toBeLessThan(1000);
    await app.http(fleetManager).post('/api/v1/chargers/NOPE-404/reset').send({ kind: 'Hard' }).expect(404);
  });

  it('sends every command in the version’s own form (1.6 and 2.0.1)', async () => {
    await charger('CMD-16', 'ocpp1.6', (method) =>
      method === 'GetConfiguration'
        ? { configurationKey: [] }
        : method === 'UnlockConnector'
          ? { status: 'Unlocked' }
          : { status: 'Accepted' },
    );
    await charger('CMD-201', 'ocpp2.0.1', (method) => {
      if (method === 'SetVariables') {
        return {
          setVariableResult: [
            {
              attributeStatus: 'Accepted',
              component: { name: 'SampledDataCtrlr' },
              variable: { name: 'TxUpdatedMeasurands' },
            },
            {
              attributeStatus: 'Accepted',
              component: { name: 'SampledDataCtrlr' },
              variable: { name: 'TxStartedMeasurands' },
            },
          ],
        };
      }
      if (method === 'UnlockConnector') return { status: 'Unlocked' };
      return { status: 'Accepted' };
    });
    const post = (id: string, path: string, body: object = {}) =>
      app.http(fleetManager).post(`/api/v1/chargers/${id}/${path}`).send(body).expect(200);
    for (const id of ['CMD-16', 'CMD-201']) {
      await post(id, 'remote-start', { idTag: 'BUS-07-TAG', evseId: 1 });
      await post(id, 'remote-stop', { transactionId: '42' });
      await post(id, 'trigger-message', { message: 'StatusNotification', evseId: 1 });
      await post(id, 'availability', { evseId: 1, operative: false });
      await post(id, 'reset', { kind: 'Soft' });
      await post(id, 'unlock-connector', { evseId: 1 });
      await post(id, 'charging-profiles/clear', { purpose: 'TxDefault', evseId: 1 });
      await post(id, 'composite-schedule', { evseId: 1, durationSeconds: 3600, rateUnit: 'W' });
      await post(id, 'configuration/soc-meter-values');
    }
    await post('CMD-16', 'configuration/read', { keys: [] });
    // Only the calls this test made, in order (other modules may add their own on connect or boot).
    const ownCalls = (id: string, expected: string[]) => {
      const calls: { method: string; params: Record<string, unknown> }[] = [];
      let from = 0;
      for (const method of expected) {
        const index = received[id].findIndex((r, i) => i >= from && r.method === method);
        if (index < 0) break;
        calls.push(received[id][index]);
        from = index + 1;
      }
      return calls;
    };
    const methods = (id: string) => ownCalls(id, EXPECTED[id]).map((r) => r.method);
    expect(methods('CMD-16')).toEqual(EXPECTED['CMD-16']);
    expect(methods('CMD-201')).toEqual(EXPECTED['CMD-201']);
    expect(ownCalls('CMD-16', EXPECTED['CMD-16'])[4].params).toEqual({ type: 'Soft' });
    expect(ownCalls('CMD-201', EXPECTED['CMD-201'])[4].params).toEqual({ type: 'OnIdle' });
    expect(ownCalls('CMD-201', EXPECTED['CMD-201'])[0].params).toMatchObject({
      idToken: { idToken: 'BUS-07-TAG', type: 'Central' },
      evseId: 1,
    });
  });

  it.each(['ocpp1.6', 'ocpp2.0.1'] as const)(
    'TC_057 (1.6) / TC_K_60_CSMS (2.0.1) a TxProfile through the admin endpoint changes the virtual charger’s power (%s)',
    async (protocol) => {
      const identity = protocol === 'ocpp1.6' ? 'CMD-SIM-16' : 'CMD-SIM-201';
      const clock = new ManualClock(new Date());
      const cp = new VirtualChargePoint({
        identity,
        endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
        protocol,
        password: CHARGER_PASSWORD,
        clock,
        reconnect: false,
        connectors: [{ maxPowerKw: 22, currentType: 'AC', phases: 3 }],
      });
      try {
        await cp.start();
        expect(cp.registration).toBe('Accepted');
        const transactionId = await cp.plugIn(1, { idTag: 'ANY-TAG', batteryKwh: 100, socPercent: 40, maxKw: 50 });
        expect(transactionId).toBeTruthy();
        // Full 22 kW, or just under it when the scheduler's safe default limit (in A, rounded down) came first.
        expect(cp.snapshot(1).powerW).toBeGreaterThan(21_000);
        const sessions = await eventually(async () => {
          const page = await app
            .http(viewer)
            .get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`)
            .expect(200);
          expect(page.body.total).toBe(1);
          return page.body.items as { transactionId: string }[];
        });
        const response = await app
          .http(fleetManager)
          .post(`/api/v1/chargers/${identity}/charging-profiles`)
          .send({
            purpose: 'Tx',
            evseId: 1,
            profileId: 11,
            stackLevel: 2,
            transactionId: sessions[0].transactionId,
            slots: slots(new Date(clock.now().getTime() - 60_000), [11.04, 11.04]),
          })
          .expect(200);
        expect(response.body.accepted).toBe(true);
        await clock.advance(1000);
        expect(cp.snapshot(1).powerW).toBeCloseTo(11_040, -2);
      } finally {
        await cp.stop();
      }
    },
  );
});
