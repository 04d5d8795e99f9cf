import { buildV16SetChargingProfile, buildV201SetChargingProfile } from '@apron/ocpp-model';
import { OcppProtocol } from './rpc-client.factory';
import { useTestBench } from './testing/charge-point-test-bench';

const bench = useTestBench('CP');
const { chargePoint, events, samples } = bench;

type CompositeResponse = {
  chargingSchedule: { chargingSchedulePeriod: { startPeriod: number; limit: number }[] };
  schedule: { chargingSchedulePeriod: { startPeriod: number; limit: number }[] };
};

const bus = { idTag: 'BUS-01', batteryKwh: 100, socPercent: 50, maxKw: 50 };

describe.each<OcppProtocol>(['ocpp1.6', 'ocpp2.0.1'])('VirtualChargePoint over %s', (protocol) => {
  const v16 = protocol === 'ocpp1.6';

  it('boots, reports status, authorizes, charges with meter values incl. SoC, and stops on unplug', async () => {
    const { cp, clock, identity } = chargePoint(protocol);
    await cp.start();
    expect(cp.registration).toBe('Accepted');
    const txId = await cp.plugIn(1, bus);
    expect(txId).toBeTruthy();
    await clock.advance(3 * 60_000);
    const periodicWithSoc = () => samples(identity).filter((s) => s.context === 'Sample.Periodic' && s.socPercent);
    await bench.csms.waitFor(() => periodicWithSoc().length >= 3, 5000, 'periodic samples with SoC');
    await cp.unplug(1);
    await bench.csms.waitFor(() => events(identity).some((e) => e.type === 'session.ended'), 5000, 'session end');

    const types = events(identity).map((e) => e.type);
    expect(types[0]).toBe('charger.booted');
    expect(types.indexOf('connector.status')).toBeGreaterThan(0);
    expect(types.indexOf('authorize.requested')).toBeGreaterThan(types.indexOf('connector.status'));
    expect(types.indexOf('session.started')).toBeGreaterThan(types.indexOf('authorize.requested'));
    expect(types.lastIndexOf('meter.sample')).toBeGreaterThan(types.indexOf('session.started'));

    // 22 kW AC connector limits the 50 kW vehicle: 3 minutes at 22 kW = 1100 Wh.
    const periodic = samples(identity).filter((s) => s.context === 'Sample.Periodic');
    expect(periodic.length).toBeGreaterThanOrEqual(3);
    expect(periodic[0].powerW).toBe(22000);
    expect(periodic[2].energyWh).toBe(1100);
    expect(periodic[2].socPercent).toBeCloseTo(51.1, 1);
    const ended = events(identity).find((e) => e.type === 'session.ended');
    expect(ended).toMatchObject({ meterStopWh: 1100, reason: 'EVDisconnected' });
    expect(bench.csms.strictFailures).toEqual([]);
    expect(bench.chargePointStrictFailures).toEqual([]);
    if (!v16) {
      const seqNos = bench.csms.calls(identity, 'TransactionEvent').map((c) => c.params.seqNo);
      expect(seqNos).toEqual(seqNos.map((_, i) => i));
    }
  });

  it('obeys a TxProfile sent by the server: delivered power drops and MeterValues show it', async () => {
    const { cp, clock, identity } = chargePoint(protocol);
    await cp.start();
    const txId = (await cp.plugIn(1, bus)) as string;
    await clock.advance(60_000);
    const request = {
      slots: [{ start: clock.now(), durationSeconds: 3600, powerKw: 7 }],
      purpose: 'Tx' as const,
      profileId: 11,
      stackLevel: 1,
      evseId: 1,
      transactionId: v16 ? Number(txId) : txId,
      supply: { currentType: 'AC' as const, phases: 3, nominalVoltageV: 230 },
    };
    const setProfile = v16 ? buildV16SetChargingProfile(request) : buildV201SetChargingProfile(request);
    expect(await bench.csms.call(identity, 'SetChargingProfile', setProfile)).toEqual({ status: 'Accepted' });
    // 7 kW in A: 10.1 A per phase × 3 × 230 V = 6969 W.
    expect(cp.snapshot(1).powerW).toBeCloseTo(6969, 6);

    const composite = (await bench.csms.call(
      identity,
      'GetCompositeSchedule',
      v16
        ? { connectorId: 1, duration: 600, chargingRateUnit: 'W' }
        : { evseId: 1, duration: 600, chargingRateUnit: 'W' },
    )) as CompositeResponse;
    const periods = v16 ? composite.chargingSchedule.chargingSchedulePeriod : composite.schedule.chargingSchedulePeriod;
    expect(periods[0]).toMatchObject({ startPeriod: 0, limit: 6969 });

    await clock.advance(60_000);
    await bench.csms.waitFor(() => samples(identity).some((s) => s.powerW === 6969), 5000, 'reduced power sample');
    const clear = v16 ? { id: 11 } : { chargingProfileId: 11 };
    expect(await bench.csms.call(identity, 'ClearChargingProfile', clear)).toEqual({ status: 'Accepted' });
    expect(cp.snapshot(1).powerW).toBe(22000);
    expect(bench.csms.strictFailures).toEqual([]);
    expect(bench.chargePointStrictFailures).toEqual([]);
  });

  it('delivers the expected energy in a simulated hour, with taper above 80 % SoC', async () => {
    const { cp, clock } = chargePoint(protocol, {
      connectors: [{ maxPowerKw: 150, currentType: 'DC', nominalVoltageV: 400 }],
    });
    await cp.start();
    await cp.plugIn(1, { idTag: 'EV-1', batteryKwh: 100, socPercent: 70, maxKw: 50 });
    const started = Date.now();
    for (let minute = 0; minute < 60; minute++) await clock.advance(60_000);
    const snap = cp.snapshot(1);
    // 70→80 % at 50 kW takes 12 min (10 kWh); then P = 50 kW·(100−SoC)/20, so 100−SoC = 20·e^(−2.5·0.8 h).
    const expectedSoc = 100 - 20 * Math.exp(-2);
    expect(snap.socPercent).toBeCloseTo(expectedSoc, 1);
    expect(snap.sessionEnergyWh / 1000).toBeCloseTo(expectedSoc - 70, 1);
    expect(snap.powerW).toBeCloseTo((50_000 * (100 - expectedSoc)) / 20, -2);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
