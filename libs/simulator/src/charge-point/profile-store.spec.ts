import { NeutralChargingProfile } from '@apron/ocpp-model';
import { InstallContext, ProfileStore } from './profile-store';

const ctx = (over: Partial<InstallContext> = {}): InstallContext => ({
  version: '2.0.1',
  evseCount: 2,
  transactionOn: (evseId) => (evseId === 1 ? 'tx-1' : undefined),
  supportedRateUnits: ['A', 'W'],
  maxStackLevel: 8,
  maxPeriods: 24,
  ...over,
});

const profile = (over: Partial<NeutralChargingProfile> = {}): NeutralChargingProfile => ({
  id: 1,
  stackLevel: 0,
  purpose: 'TxDefault',
  kind: 'Absolute',
  evseId: 1,
  schedule: {
    startSchedule: new Date('2026-11-22T00:00:00Z'),
    rateUnit: 'W',
    periods: [{ startSeconds: 0, limit: 11000 }],
  },
  ...over,
});

describe('ProfileStore', () => {
  it('replaces a profile with the same id (K01.FR.05) or the same purpose and stack level (1.6 §3.13.2)', () => {
    const store = new ProfileStore();
    store.install(profile({ id: 1 }), ctx());
    store.install(profile({ id: 1, stackLevel: 2 }), ctx());
    expect(store.all().map((p) => [p.id, p.stackLevel])).toEqual([[1, 2]]);
    store.install(profile({ id: 2, stackLevel: 2 }), ctx());
    expect(store.all().map((p) => p.id)).toEqual([2]);
    store.install(profile({ id: 3, stackLevel: 3 }), ctx());
    expect(store.all().map((p) => p.id)).toEqual([2, 3]);
  });

  it.each<[string, Partial<NeutralChargingProfile>, Partial<InstallContext>, string]>([
    ['TxProfile without a transaction (K01.FR.09)', { purpose: 'Tx', evseId: 2 }, {}, 'NoTransaction'],
    [
      'TxProfile for another transaction (K01.FR.33)',
      { purpose: 'Tx', transactionId: 'tx-9' },
      {},
      'UnknownTransaction',
    ],
    ['TxProfile on EVSE 0 (K01.FR.16)', { purpose: 'Tx', evseId: 0 }, {}, 'TxProfileOnEvse0'],
    ['station max off EVSE 0', { purpose: 'StationMax', evseId: 1 }, {}, 'MaxProfileNotOnEvse0'],
    [
      'Relative station max (K01.FR.38)',
      { purpose: 'StationMax', evseId: 0, kind: 'Relative' },
      {},
      'MaxProfileRelative',
    ],
    ['unknown EVSE (K01.FR.28)', { evseId: 5 }, {}, 'UnknownEVSE'],
    ['unsupported rate unit (K01.FR.26)', {}, { supportedRateUnits: ['A'] }, 'UnsupportedRateUnit'],
    [
      'external constraints (K01.FR.22)',
      { purpose: 'StationExternal', evseId: 0 },
      {},
      'ExternalConstraintsNotSettable',
    ],
  ])('rejects %s', (_name, over, ctxOver, reason) => {
    expect(new ProfileStore().install(profile(over), ctx(ctxOver))).toEqual({ accepted: false, reason });
  });

  it('rejects a TxDefaultProfile on EVSE 0 at a stack level used on a specific EVSE (K01.FR.52/53)', () => {
    const store = new ProfileStore();
    expect(store.install(profile({ id: 1, evseId: 1 }), ctx()).accepted).toBe(true);
    expect(store.install(profile({ id: 2, evseId: 0 }), ctx())).toEqual({
      accepted: false,
      reason: 'DuplicateProfile',
    });
  });

  it('binds a TxProfile without transactionId to the running transaction and drops it when that ends', () => {
    const store = new ProfileStore();
    expect(store.install(profile({ purpose: 'Tx' }), ctx()).accepted).toBe(true);
    expect(store.all()[0].transactionId).toBe('tx-1');
    store.endTransaction('tx-1');
    expect(store.all()).toEqual([]);
  });

  it('clears by id or by criteria (1.6 §5.5, K10)', () => {
    const store = new ProfileStore();
    store.install(profile({ id: 1, stackLevel: 0 }), ctx());
    store.install(profile({ id: 2, stackLevel: 1 }), ctx());
    store.install(profile({ id: 3, purpose: 'StationMax', evseId: 0 }), ctx());
    expect(store.clear({ id: 2 })).toBe(1);
    expect(store.clear({ purpose: 'TxDefault' })).toBe(1);
    expect(store.clear({ id: 42 })).toBe(0);
    expect(store.all().map((p) => p.id)).toEqual([3]);
  });
});
