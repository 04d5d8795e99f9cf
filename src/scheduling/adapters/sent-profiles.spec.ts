import type { ProfileCommand } from '../profile-commands';
import { SentProfiles } from './sent-profiles';

const HALF_VALIDITY_MS = 7.5 * 60_000;

function aCommand(overrides: Partial<ProfileCommand> = {}): ProfileCommand {
  return {
    chargePointId: 'CP-01',
    purpose: 'Tx',
    evseId: 1,
    profileId: 101,
    transactionId: 'tx-1',
    slots: [],
    signature: 'plan-a',
    ...overrides,
  };
}

describe('SentProfiles', () => {
  it('holds back an accepted profile until it changes or half its validity has passed', () => {
    const sent = new SentProfiles();
    sent.record(aCommand(), 0, sent.ticket('CP-01'));
    expect(sent.isFresh(aCommand(), 60_000, HALF_VALIDITY_MS)).toBe(true);
    expect(sent.isFresh(aCommand({ signature: 'plan-b' }), 60_000, HALF_VALIDITY_MS)).toBe(false);
    expect(sent.isFresh(aCommand(), HALF_VALIDITY_MS, HALF_VALIDITY_MS)).toBe(false);
    expect(sent.isFresh(aCommand({ evseId: 2 }), 60_000, HALF_VALIDITY_MS)).toBe(false);
  });

  it('forgets every profile of a charger that booted or reconnected, and only of that charger', () => {
    const sent = new SentProfiles();
    sent.record(aCommand(), 0, sent.ticket('CP-01'));
    sent.record(aCommand({ purpose: 'StationMax', evseId: 0 }), 0, sent.ticket('CP-01'));
    sent.record(aCommand({ chargePointId: 'CP-02' }), 0, sent.ticket('CP-02'));
    sent.forget('CP-01');
    expect(sent.isFresh(aCommand(), 1, HALF_VALIDITY_MS)).toBe(false);
    expect(sent.isFresh(aCommand({ purpose: 'StationMax', evseId: 0 }), 1, HALF_VALIDITY_MS)).toBe(false);
    expect(sent.isFresh(aCommand({ chargePointId: 'CP-02' }), 1, HALF_VALIDITY_MS)).toBe(true);
  });

  it('does not record an answer that was in flight when the charger rebooted', () => {
    const sent = new SentProfiles();
    const ticket = sent.ticket('CP-01');
    sent.forget('CP-01');
    sent.record(aCommand(), 0, ticket);
    expect(sent.isFresh(aCommand(), 1, HALF_VALIDITY_MS)).toBe(false);
  });
});
