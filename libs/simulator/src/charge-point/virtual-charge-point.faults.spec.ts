import { buildV16SetChargingProfile, buildV201SetChargingProfile } from '@apron/ocpp-model';
import { OcppProtocol } from './rpc-client.factory';
import { useTestBench } from './testing/charge-point-test-bench';

const bench = useTestBench('FLT');
const { chargePoint, events } = bench;
const vehicle = { idTag: 'EV-9', batteryKwh: 60, socPercent: 20, maxKw: 11 };

describe.each<OcppProtocol>(['ocpp1.6', 'ocpp2.0.1'])('VirtualChargePoint faults and resets over %s', (protocol) => {
  const v16 = protocol === 'ocpp1.6';

  it('can send out-of-schema calls when its own strict mode is off; the strict server answers with a CALLERROR', async () => {
    const { cp } = chargePoint(protocol, { strictMode: false });
    await cp.start();
    const bad = v16 ? { connectorId: 'one', idTag: 'X', meterStart: 0, timestamp: 'now' } : { seqNo: 'x' };
    await expect(cp.callRaw(v16 ? 'StartTransaction' : 'TransactionEvent', bad)).rejects.toMatchObject({
      rpcErrorCode: expect.stringMatching(/Violation/),
    });
    expect(bench.csms.strictFailures.length).toBeGreaterThan(0);
    // The connection stays usable.
    await expect(cp.callRaw('Heartbeat', {})).resolves.toMatchObject({ currentTime: expect.any(String) });
  });

  it('refuses out-of-schema calls locally while its strict mode is on (ocpp-rpc validates outbound calls)', async () => {
    const { cp } = chargePoint(protocol);
    await cp.start();
    const before = bench.csms.received.length;
    await expect(cp.callRaw('Heartbeat', { unexpected: true })).rejects.toThrow();
    expect(bench.csms.received.length).toBe(before);
    bench.chargePointStrictFailures.length = 0;
  });

  it('can refuse every SetChargingProfile, Rejected or with a CALLERROR, and obey again when the fault is lifted', async () => {
    const { cp, clock, identity } = chargePoint(protocol, { faults: { refuseChargingProfiles: 'Rejected' } });
    await cp.start();
    const request = {
      slots: [{ start: clock.now(), durationSeconds: 3600, powerKw: 5 }],
      purpose: 'StationMax' as const,
      profileId: 1,
      stackLevel: 1,
      evseId: 0,
      supply: { currentType: 'AC' as const, phases: 3, nominalVoltageV: 230 },
    };
    const setProfile = v16 ? buildV16SetChargingProfile(request) : buildV201SetChargingProfile(request);
    expect(await bench.csms.call(identity, 'SetChargingProfile', setProfile)).toEqual({ status: 'Rejected' });
    cp.faults.refuseChargingProfiles = 'NotImplemented';
    await expect(bench.csms.call(identity, 'SetChargingProfile', setProfile)).rejects.toMatchObject({
      rpcErrorCode: 'NotImplemented',
    });
    expect(cp.profiles.all()).toEqual([]);
    cp.faults.refuseChargingProfiles = undefined;
    expect(await bench.csms.call(identity, 'SetChargingProfile', setProfile)).toEqual({ status: 'Accepted' });
    expect(cp.profiles.all()).toHaveLength(1);
  });

  it('can reset its meter register mid-session, so the next sample restarts from the new value', async () => {
    const { cp, clock, identity } = chargePoint(protocol);
    await cp.start();
    await cp.plugIn(1, vehicle);
    await clock.advance(60_000);
    cp.resetMeterRegister(1, 0);
    await clock.advance(60_000);
    await bench.csms.waitFor(
      () => bench.samples(identity).filter((s) => s.context === 'Sample.Periodic').length >= 2,
      3000,
      'samples',
    );
    const periodic = bench.samples(identity).filter((s) => s.context === 'Sample.Periodic');
    expect(periodic.map((s) => s.energyWh)).toEqual([183, 183]); // 11 kW for a minute, twice
  });

  it('answers GetCompositeSchedule for an unknown connector with Rejected (K08.FR.05)', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    const req = v16 ? { connectorId: 7, duration: 60 } : { evseId: 7, duration: 60 };
    expect(await bench.csms.call(identity, 'GetCompositeSchedule', req)).toEqual({ status: 'Rejected' });
  });

  it('reports ISO 15118 charging needs with departure time and energy (K15)', async () => {
    const { cp, identity } = chargePoint(protocol, { connectors: [{ maxPowerKw: 150, currentType: 'DC' }] });
    await cp.start();
    const departureTime = new Date('2026-11-22T07:30:00Z');
    await cp.plugIn(1, { ...vehicle, maxKw: 120, iso15118: { departureTime, targetSocPercent: 80, maxVoltageV: 800 } });
    if (v16) {
      expect(bench.csms.calls(identity, 'NotifyEVChargingNeeds')).toHaveLength(0);
      return;
    }
    await bench.csms.waitFor(() => events(identity).some((e) => e.type === 'ev.chargingNeeds'), 5000, 'charging needs');
    expect(events(identity).find((e) => e.type === 'ev.chargingNeeds')).toMatchObject({
      evseId: 1,
      transferMode: 'DC',
      departureTime,
      energyAmountWh: 36000,
      maxPowerW: 120000,
      socPercent: 20,
    });
    expect(bench.csms.strictFailures).toEqual([]);
  });

  (v16 ? it.skip : it)('2.0.1 Reset OnIdle waits for the running transaction (Scheduled), then reboots', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    await cp.plugIn(1, vehicle);
    expect(await bench.csms.call(identity, 'Reset', { type: 'OnIdle' })).toEqual({ status: 'Scheduled' });
    const rebooted = new Promise((resolve) => cp.once('booted', resolve));
    await cp.unplug(1);
    await rebooted;
    expect(bench.csms.calls(identity, 'BootNotification')).toHaveLength(2);
  });

  it('ends the transaction and boots again on Reset', async () => {
    const { cp, identity } = chargePoint(protocol);
    await cp.start();
    await cp.plugIn(1, vehicle);
    const rebooted = new Promise((resolve) => cp.once('booted', resolve));
    const reset = v16 ? { type: 'Hard' } : { type: 'Immediate' };
    expect(await bench.csms.call(identity, 'Reset', reset)).toEqual({ status: 'Accepted' });
    await rebooted;
    const ended = events(identity).find((e) => e.type === 'session.ended');
    expect(ended).toMatchObject({ reason: v16 ? 'HardReset' : 'ImmediateReset' });
    const boots = bench.csms.calls(identity, 'BootNotification');
    expect(boots).toHaveLength(2);
    if (!v16) expect(boots[1].params.reason).toBe('RemoteReset');
  });
});
