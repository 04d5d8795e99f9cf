import { NeutralChargingProfile } from '@apron/ocpp-model';
import { ClearProfileCriteria } from './charger-commands';

type SentProfile = Pick<
  NeutralChargingProfile,
  'id' | 'evseId' | 'purpose' | 'stackLevel' | 'validFrom' | 'validTo' | 'transactionId'
> &
  Partial<Pick<NeutralChargingProfile, 'kind' | 'recurrencyKind' | 'schedule'>>;

const overlaps = (a: SentProfile, b: SentProfile) =>
  (a.validFrom?.getTime() ?? -Infinity) < (b.validTo?.getTime() ?? Infinity) &&
  (b.validFrom?.getTime() ?? -Infinity) < (a.validTo?.getTime() ?? Infinity);

/**
 * The profiles each charger accepted from this instance, so the CSMS never sends a second profile with the same stack
 * level and purpose on an EVSE with overlapping validity (K01.FR.06), nor a second TxProfile with the same stack level
 * for a transaction (K01.FR.39). Same id replaces (K01.FR.05). Best effort: it starts empty after a restart.
 */
export class ProfileLedger {
  private readonly byCharger = new Map<string, Map<number, SentProfile>>();

  conflict(chargePointId: string, profile: SentProfile, now: Date): SentProfile | undefined {
    for (const sent of this.byCharger.get(chargePointId)?.values() ?? []) {
      if (sent.id === profile.id || sent.stackLevel !== profile.stackLevel || sent.purpose !== profile.purpose)
        continue;
      if (sent.validTo && sent.validTo.getTime() <= now.getTime()) continue;
      if (profile.purpose === 'Tx') {
        if (sent.transactionId === profile.transactionId) return sent;
      } else if (sent.evseId === profile.evseId && overlaps(sent, profile)) {
        return sent;
      }
    }
    return undefined;
  }

  record(chargePointId: string, profile: SentProfile): void {
    const sent = this.byCharger.get(chargePointId) ?? new Map<number, SentProfile>();
    sent.set(profile.id, { ...profile });
    this.byCharger.set(chargePointId, sent);
  }

  /** The profiles in force on the charger as far as this instance knows (K17: what an EV schedule is checked against). */
  granted(chargePointId: string, now: Date): NeutralChargingProfile[] {
    return [...(this.byCharger.get(chargePointId)?.values() ?? [])].filter(
      (sent): sent is NeutralChargingProfile =>
        sent.schedule !== undefined && sent.kind !== undefined && (!sent.validTo || sent.validTo > now),
    );
  }

  /** What an accepted ClearChargingProfile removed on the charger (absent criteria match everything). */
  clear(chargePointId: string, criteria: ClearProfileCriteria): void {
    const sent = this.byCharger.get(chargePointId);
    if (!sent) return;
    for (const [id, profile] of sent) {
      if (criteria.profileId !== undefined) {
        if (id === criteria.profileId) sent.delete(id);
        continue;
      }
      const matches =
        (criteria.evseId === undefined || criteria.evseId === profile.evseId) &&
        (criteria.purpose === undefined || criteria.purpose === profile.purpose) &&
        (criteria.stackLevel === undefined || criteria.stackLevel === profile.stackLevel);
      if (matches) sent.delete(id);
    }
  }
}
