import { NeutralChargingProfile } from '@apron/ocpp-model';
import { ProfileLedger } from './profile-ledger';

const at = (hour: number) => new Date(Date.UTC(2026, 10, 22, hour));
const aProfile = (overrides: Partial<NeutralChargingProfile> = {}) => ({
  id: 1,
  evseId: 0,
  purpose: 'StationMax' as const,
  stackLevel: 1,
  validFrom: at(6),
  validTo: at(8),
  ...overrides,
});

describe('ProfileLedger', () => {
  it('K01.FR.06: another id with the same stack level, purpose and EVSE and overlapping validity conflicts', () => {
    const ledger = new ProfileLedger();
    ledger.record('CP', aProfile());
    expect(ledger.conflict('CP', aProfile({ id: 2, validFrom: at(7), validTo: at(9) }), at(6))?.id).toBe(1);
    expect(ledger.conflict('CP', aProfile({ id: 2, validFrom: at(8), validTo: at(9) }), at(6))).toBeUndefined();
    expect(ledger.conflict('CP', aProfile({ id: 2, stackLevel: 2 }), at(6))).toBeUndefined();
    expect(ledger.conflict('CP', aProfile({ id: 2, evseId: 1, purpose: 'TxDefault' }), at(6))).toBeUndefined();
    expect(ledger.conflict('OTHER', aProfile({ id: 2 }), at(6))).toBeUndefined();
  });

  it('K01.FR.05: the same id replaces; an expired profile no longer conflicts', () => {
    const ledger = new ProfileLedger();
    ledger.record('CP', aProfile());
    expect(ledger.conflict('CP', aProfile({ validFrom: at(7) }), at(6))).toBeUndefined();
    expect(ledger.conflict('CP', aProfile({ id: 2, validTo: undefined }), at(9))).toBeUndefined();
  });

  it('K01.FR.39: TxProfiles conflict on stack level and transaction', () => {
    const ledger = new ProfileLedger();
    ledger.record('CP', aProfile({ purpose: 'Tx', evseId: 1, transactionId: 'T1' }));
    expect(ledger.conflict('CP', aProfile({ id: 2, purpose: 'Tx', evseId: 1, transactionId: 'T1' }), at(6))?.id).toBe(
      1,
    );
    expect(
      ledger.conflict('CP', aProfile({ id: 2, purpose: 'Tx', evseId: 1, transactionId: 'T2' }), at(6)),
    ).toBeUndefined();
  });

  it('forgets what a clear removed: by id, or by criteria', () => {
    const ledger = new ProfileLedger();
    ledger.record('CP', aProfile());
    ledger.clear('CP', { profileId: 1 });
    expect(ledger.conflict('CP', aProfile({ id: 2 }), at(6))).toBeUndefined();
    ledger.record('CP', aProfile());
    ledger.clear('CP', { purpose: 'StationMax' });
    expect(ledger.conflict('CP', aProfile({ id: 2 }), at(6))).toBeUndefined();
    ledger.record('CP', aProfile());
    ledger.clear('CP', { purpose: 'TxDefault' });
    expect(ledger.conflict('CP', aProfile({ id: 2 }), at(6))?.id).toBe(1);
  });
});
