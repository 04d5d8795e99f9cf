import { OcppEvent } from '@apron/ocpp-model';
import { OcppEventEnvelope } from '../ocpp/events/ocpp-event-bus';
import { MeteredSitePower } from './metered-site-power';

const at = new Date('2026-11-23T06:00:00Z');
const from = (
  chargePointId: string,
  event: OcppEventEnvelope['event'],
  sessionId?: string,
  siteId: string | null = 'site-a',
): OcppEventEnvelope => ({ chargePointId, chargerId: 'c', siteId, sessionId, event, receivedAt: at });
const sample = (powerW: number | undefined, evseId?: number): OcppEvent => ({
  type: 'meter.sample',
  at,
  evseId,
  powerW,
});

describe('MeteredSitePower', () => {
  it("sums each connector's latest power per site, in kW", () => {
    const power = new MeteredSitePower();
    expect(power.apply(from('CP1', sample(50_000, 1), 's1'))).toBe('site-a');
    power.apply(from('CP1', sample(60_000, 1), 's1'));
    power.apply(from('CP1', sample(22_500), 's2'));
    power.apply(from('CP9', sample(7_000, 1), 's9', 'site-b'));
    expect(power.siteKw('site-a')).toBe(82.5);
    expect(power.siteKw('site-b')).toBe(7);
    expect(power.siteKw('unknown')).toBe(0);
  });

  it('ignores samples without power, the station meter (EVSE 0) and chargers of no site', () => {
    const power = new MeteredSitePower();
    expect(power.apply(from('CP1', sample(undefined, 1), 's1'))).toBeUndefined();
    expect(power.apply(from('CP1', sample(90_000, 0)))).toBeUndefined();
    expect(power.apply(from('CP1', sample(90_000, 1), 's1', null))).toBeUndefined();
    expect(power.siteKw('site-a')).toBe(0);
  });

  it('stops counting a reading when its session ends, its connector frees up or its charger goes away', () => {
    const power = new MeteredSitePower();
    power.apply(from('CP1', sample(50_000, 1), 's1'));
    power.apply(from('CP1', sample(40_000, 2), 's2'));
    power.apply(from('CP2', sample(30_000, 1)));
    power.apply(from('CP3', sample(20_000, 1), 's3'));
    expect(power.siteKw('site-a')).toBe(140);

    const ended: OcppEvent = { type: 'session.ended', transactionId: '1', at };
    expect(power.apply(from('CP1', ended, 's1'))).toBe('site-a');
    expect(power.siteKw('site-a')).toBe(90);
    const available: OcppEvent = {
      type: 'connector.status',
      evseId: 1,
      connectorId: 1,
      status: 'Available',
      rawStatus: 'Available',
    };
    expect(power.apply(from('CP2', available))).toBe('site-a');
    expect(power.siteKw('site-a')).toBe(60);
    // Occupied (1.6 SuspendedEV, Finishing): the reading stands.
    expect(power.apply(from('CP1', { ...available, evseId: 2, status: 'Occupied' }))).toBeUndefined();
    expect(power.apply(from('CP1', { type: 'charger.disconnected', ocppVersion: '1.6' }))).toBe('site-a');
    expect(power.siteKw('site-a')).toBe(20);
  });
});
