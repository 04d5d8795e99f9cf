import { OcppProtocol } from './rpc-client.factory';
import { useTestBench } from './testing/charge-point-test-bench';

const bench = useTestBench('CMD');
const { chargePoint, events, samples } = bench;

const vehicle = { idTag: 'BUS-07', batteryKwh: 280, socPercent: 40, maxKw: 150 };

describe.each<OcppProtocol>(['ocpp1.6', 'ocpp2.0.1'])('VirtualChargePoint commands over %s', (protocol) => {
  const v16 = protocol === 'ocpp1.6';

  it('retries BootNotification after the Pending interval and only then reports status (1.6 §4.2, B02)', async () => {
    bench.csms.bootStatus = 'Pending';
    bench.csms.bootIntervalSeconds = 20;
    const { cp, clock, identity } = chargePoint(protocol);
    await cp.start();
    expect(cp.registration).toBe('Pending');
    expect(bench.csms.calls(identity, 'StatusNotification')).toHaveLength(0);
    bench.csms.bootStatus = 'Accepted';
    const booted = new Promise((resolve) => cp.once('booted', resolve));
    await clock.advance(20_000);
    await booted;
    expect(bench.csms.calls(identity, 'BootNotification')).toHaveLength(2);
    await bench.csms.waitFor(() => bench.csms.calls(identity, 'StatusNotification').length > 0, 5000, 'status');
  });

  it('refuses the connection with a wrong password (security profile 1)', async () => {
    const { cp } = chargePoint(protocol, { password: 'wrong', reconnect: false });
    await expect(cp.start()).rejects.toThrow();
  });

  it('starts remotely with the remote idTag when the vehicle plugs in, and stops remotely (1.6 §5.11/§5.12, F01/F03)', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    const start = v16
      ? { connectorId: 1, idTag: 'REMOTE-1' }
      : { evseId: 1, remoteStartId: 77, idToken: { idToken: 'REMOTE-1', type: 'Central' } };
    expect(await bench.csms.call(identity, v16 ? 'RemoteStartTransaction' : 'RequestStartTransaction', start)).toEqual({
      status: 'Accepted',
    });
    const txId = (await cp.plugIn(1, vehicle)) as string;
    expect(bench.csms.calls(identity, 'Authorize')).toHaveLength(0);
    const started = events(identity).find((e) => e.type === 'session.started');
    expect(started).toMatchObject({ idTag: 'REMOTE-1' });
    if (!v16) expect(started).toMatchObject({ remoteStartId: 77, triggerReason: 'RemoteStart' });

    const stop = v16 ? { transactionId: Number(txId) } : { transactionId: txId };
    expect(await bench.csms.call(identity, v16 ? 'RemoteStopTransaction' : 'RequestStopTransaction', stop)).toEqual({
      status: 'Accepted',
    });
    await bench.csms.waitFor(() => events(identity).some((e) => e.type === 'session.ended'), 5000, 'session end');
    expect(events(identity).find((e) => e.type === 'session.ended')).toMatchObject({ reason: 'Remote' });
    expect(cp.snapshot(1)).toMatchObject({ powerW: 0, transactionId: undefined });
  });

  it('ends the transaction as DeAuthorized when the CSMS refuses the idTag at start (1.6 §6.46, E05)', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    const start = v16
      ? { connectorId: 1, idTag: 'BLOCKED' }
      : { evseId: 1, remoteStartId: 79, idToken: { idToken: 'BLOCKED', type: 'Central' } };
    await bench.csms.call(identity, v16 ? 'RemoteStartTransaction' : 'RequestStartTransaction', start);
    bench.csms.authorizeStatus = 'Invalid';
    await cp.plugIn(1, vehicle);
    await bench.csms.waitFor(() => events(identity).some((e) => e.type === 'session.ended'), 5000, 'session end');
    expect(events(identity).find((e) => e.type === 'session.ended')).toMatchObject({ reason: 'DeAuthorized' });
    expect(cp.snapshot(1)).toMatchObject({ powerW: 0, transactionId: undefined, status: 'Finishing' });
  });

  it('applies the TxProfile given with a remote start to the new transaction (1.6 §5.11, K05)', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    const schedule = { chargingRateUnit: 'W', chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] };
    const start = v16
      ? {
          connectorId: 1,
          idTag: 'REMOTE-2',
          chargingProfile: {
            chargingProfileId: 5,
            stackLevel: 0,
            chargingProfilePurpose: 'TxProfile',
            chargingProfileKind: 'Relative',
            chargingSchedule: schedule,
          },
        }
      : {
          evseId: 1,
          remoteStartId: 78,
          idToken: { idToken: 'REMOTE-2', type: 'Central' },
          chargingProfile: {
            id: 5,
            stackLevel: 0,
            chargingProfilePurpose: 'TxProfile',
            chargingProfileKind: 'Relative',
            chargingSchedule: [{ id: 5, ...schedule }],
          },
        };
    expect(await bench.csms.call(identity, v16 ? 'RemoteStartTransaction' : 'RequestStartTransaction', start)).toEqual({
      status: 'Accepted',
    });
    await cp.plugIn(1, vehicle);
    expect(cp.snapshot(1).powerW).toBe(11000);
  });

  it('changes the meter value interval and measurands by configuration (1.6 §9.1, 2.0.1 SampledDataCtrlr)', async () => {
    const { cp, clock, identity } = chargePoint(protocol);
    await cp.start();
    if (v16) {
      const set = async (key: string, value: string) =>
        bench.csms.call(identity, 'ChangeConfiguration', { key, value });
      expect(await set('MeterValueSampleInterval', '30')).toEqual({ status: 'Accepted' });
      expect(await set('MeterValuesSampledData', 'Energy.Active.Import.Register,Current.Import')).toEqual({
        status: 'Accepted',
      });
      expect(await set('MeterValuesSampledData', 'Bogus')).toEqual({ status: 'Rejected' });
      expect(await set('NoSuchKey', '1')).toEqual({ status: 'NotSupported' });
      expect(await set('NumberOfConnectors', '4')).toEqual({ status: 'Rejected' });
      const config = (await bench.csms.call(identity, 'GetConfiguration', {
        key: ['MeterValueSampleInterval', 'Nope'],
      })) as object;
      expect(config).toEqual({
        configurationKey: [{ key: 'MeterValueSampleInterval', readonly: false, value: '30' }],
        unknownKey: ['Nope'],
      });
    } else {
      const component = { name: 'SampledDataCtrlr' };
      const res = await bench.csms.call(identity, 'SetVariables', {
        setVariableData: [
          { component, variable: { name: 'TxUpdatedInterval' }, attributeValue: '30' },
          {
            component,
            variable: { name: 'TxUpdatedMeasurands' },
            attributeValue: 'Energy.Active.Import.Register,Current.Import',
          },
          { component: { name: 'NoSuchCtrlr' }, variable: { name: 'X' }, attributeValue: '1' },
        ],
      });
      expect(
        (res as { setVariableResult: { attributeStatus: string }[] }).setVariableResult.map((r) => r.attributeStatus),
      ).toEqual(['Accepted', 'Accepted', 'UnknownComponent']);
      const got = await bench.csms.call(identity, 'GetVariables', {
        getVariableData: [{ component, variable: { name: 'TxUpdatedInterval' } }],
      });
      expect(got).toMatchObject({ getVariableResult: [{ attributeStatus: 'Accepted', attributeValue: '30' }] });
    }
    await cp.plugIn(1, vehicle);
    await clock.advance(60_000);
    await bench.csms.waitFor(
      () => samples(identity).filter((s) => s.context === 'Sample.Periodic').length >= 2,
      3000,
      'samples',
    );
    const periodic = samples(identity).filter((s) => s.context === 'Sample.Periodic');
    expect(periodic[0].at.toISOString()).toBe('2026-11-22T06:00:30.000Z');
    // 22 kW on 3 × 230 V = 31.9 A per phase
    expect(periodic[0]).toMatchObject({ currentA: 31.9, energyWh: 183 });
    expect(periodic[0].socPercent).toBeUndefined();
  });

  it('answers TriggerMessage, ChangeAvailability and UnlockConnector', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    const before = bench.csms.calls(identity, 'Heartbeat').length;
    const trigger = v16 ? { requestedMessage: 'Heartbeat' } : { requestedMessage: 'Heartbeat' };
    expect(await bench.csms.call(identity, 'TriggerMessage', trigger)).toEqual({ status: 'Accepted' });
    await bench.csms.waitFor(
      () => bench.csms.calls(identity, 'Heartbeat').length > before,
      3000,
      'triggered heartbeat',
    );

    const inoperative = v16
      ? { connectorId: 1, type: 'Inoperative' }
      : { operationalStatus: 'Inoperative', evse: { id: 1 } };
    expect(await bench.csms.call(identity, 'ChangeAvailability', inoperative)).toEqual({ status: 'Accepted' });
    await bench.csms.waitFor(
      () => events(identity).some((e) => e.type === 'connector.status' && e.status === 'Unavailable'),
      3000,
      'Unavailable status',
    );
    const unlock = v16 ? { connectorId: 1 } : { evseId: 1, connectorId: 1 };
    expect(await bench.csms.call(identity, 'UnlockConnector', unlock)).toEqual({ status: 'Unlocked' });
    const unknown = v16 ? { connectorId: 9 } : { evseId: 9, connectorId: 1 };
    expect(await bench.csms.call(identity, 'UnlockConnector', unknown)).toEqual({
      status: v16 ? 'NotSupported' : 'UnknownConnector',
    });
  });

  it('rejects a TxProfile when no transaction runs (1.6 §5.16, K01.FR.09)', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    const period = { startPeriod: 0, limit: 16 };
    const req = v16
      ? {
          connectorId: 1,
          csChargingProfiles: {
            chargingProfileId: 1,
            stackLevel: 0,
            chargingProfilePurpose: 'TxProfile',
            chargingProfileKind: 'Relative',
            chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [period] },
          },
        }
      : {
          evseId: 1,
          chargingProfile: {
            id: 1,
            stackLevel: 0,
            chargingProfilePurpose: 'TxProfile',
            chargingProfileKind: 'Relative',
            chargingSchedule: [{ id: 1, chargingRateUnit: 'A', chargingSchedulePeriod: [period] }],
          },
        };
    expect(await bench.csms.call(identity, 'SetChargingProfile', req)).toMatchObject({ status: 'Rejected' });
  });

  it('sends deliberately duplicated transaction messages when configured to', async () => {
    const faults = v16 ? { duplicateStartTransaction: true } : { duplicateTransactionEvents: true };
    const { cp, identity } = chargePoint(protocol, { faults });
    await cp.start();
    await cp.plugIn(1, vehicle);
    if (v16) {
      const starts = bench.csms.calls(identity, 'StartTransaction');
      expect(starts).toHaveLength(2);
      expect(starts[1].params).toEqual(starts[0].params);
    } else {
      await bench.csms.waitFor(() => bench.csms.calls(identity, 'TransactionEvent').length >= 2, 5000, 'events');
      const [first, second] = bench.csms.calls(identity, 'TransactionEvent');
      expect(second.params).toEqual(first.params);
    }
  });

  it('reconnects after the server drops the connection and sends queued transaction messages', async () => {
    const { cp, clock, identity } = chargePoint(protocol);
    await cp.start();
    await cp.plugIn(1, vehicle);
    const reconnected = new Promise((resolve) => cp.once('reconnected', resolve));
    const disconnected = new Promise((resolve) => cp.once('disconnected', resolve));
    const client = bench.csms.clients.get(identity);
    await client?.close({ code: 1001, force: true });
    await disconnected;
    const before = samples(identity).length;
    await clock.advance(60_000); // a periodic sample while offline is queued
    await reconnected;
    await bench.csms.waitFor(() => samples(identity).length > before, 5000, 'queued sample after reconnect');
    expect(bench.csms.calls(identity, 'BootNotification')).toHaveLength(1);
    if (!v16) {
      const updated = bench.csms.calls(identity, 'TransactionEvent').filter((c) => c.params.eventType === 'Updated');
      expect(updated.some((c) => c.params.offline === true)).toBe(true);
    }
  });
});
