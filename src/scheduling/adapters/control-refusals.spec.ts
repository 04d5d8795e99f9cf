import { OcppEventBus } from '../../ocpp/events/ocpp-event-bus';
import { ChargerCallError, ChargerOfflineError, ChargerTimeoutError } from '../../ocpp/commands/charger-commands';
import { ControlRefusals, refusalReason } from './control-refusals';

const T0 = new Date('2026-11-22T06:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('refusalReason', () => {
  it("names the charger's refusal: a Rejected answer or a CALLERROR code such as NotImplemented (K01.FR.29)", () => {
    expect(refusalReason({ outcome: { accepted: false, status: 'Rejected', response: {} } })).toBe('Rejected');
    const callError = new ChargerCallError('CP-03', 'SetChargingProfile', 'NotImplemented', '');
    expect(refusalReason({ error: callError })).toBe('NotImplemented');
  });

  it('is not a refusal when the charger accepted, did not answer in time or is offline: that is connectivity', () => {
    expect(refusalReason({ outcome: { accepted: true, status: 'Accepted', response: {} } })).toBeUndefined();
    expect(refusalReason({ error: new ChargerTimeoutError('CP-03', 'SetChargingProfile') })).toBeUndefined();
    expect(refusalReason({ error: new ChargerOfflineError('CP-03') })).toBeUndefined();
  });
});

describe('ControlRefusals', () => {
  let now = T0;
  const events = new OcppEventBus();
  const refusals = new ControlRefusals(events, { now: () => now }, { controlRetryMinutes: 15 });
  const envelope = { chargePointId: 'CP-03', chargerId: 'c-3', siteId: 's-1' };
  const connected = () =>
    events.publish({ ...envelope, event: { type: 'charger.connected', ocppVersion: '2.0.1' }, receivedAt: now });
  const booted = () =>
    events.publish({ ...envelope, event: { type: 'charger.booted', vendor: 'V', model: 'M' }, receivedAt: now });

  beforeAll(() => refusals.onModuleInit());
  afterAll(() => refusals.onModuleDestroy());

  it('keeps a refusal across ticks and is due for a retry only after the retry interval', () => {
    refusals.refused('CP-03', 'NotImplemented', T0);
    expect(refusals.refusalOf('CP-03')).toMatchObject({ reason: 'NotImplemented', since: T0, retryAt: minutes(15) });
    expect(refusals.isRetryDue('CP-03', minutes(14))).toBe(false);
    expect(refusals.isRetryDue('CP-03', minutes(15))).toBe(true);
  });

  it('refused again on the retry, keeps its first refusal time and waits a whole interval more', () => {
    refusals.refused('CP-03', 'NotSupported', minutes(15));
    expect(refusals.refusalOf('CP-03')).toMatchObject({ reason: 'NotSupported', since: T0, retryAt: minutes(30) });
  });

  it('retries at once when the charger reconnects, and forgets the refusal when it boots', () => {
    now = minutes(20);
    connected();
    expect(refusals.isRetryDue('CP-03', minutes(20))).toBe(true);
    booted();
    expect(refusals.refusalOf('CP-03')).toBeUndefined();
  });

  it('forgets the refusal when the charger obeys again', () => {
    refusals.refused('CP-03', 'Rejected', T0);
    refusals.obeyed('CP-03');
    expect(refusals.refusalOf('CP-03')).toBeUndefined();
    expect(refusals.isRetryDue('CP-03', minutes(60))).toBe(false);
  });
});
