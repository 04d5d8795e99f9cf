/**
 * The charging profiles installed in the virtual charge point, with the checks a real station applies before it
 * accepts one (1.6 §5.16 / §3.13, 2.0.1 K01) and the replacement rules.
 */
import { ChargingRateUnit, NeutralChargingProfile, NeutralProfilePurpose } from '@apron/ocpp-model';

export interface InstallContext {
  version: '1.6' | '2.0.1';
  evseCount: number;
  /** The transaction running on an EVSE, if any. */
  transactionOn(evseId: number): string | undefined;
  supportedRateUnits: ChargingRateUnit[];
  maxStackLevel: number;
  maxPeriods: number;
}

export type InstallDecision = { accepted: true } | { accepted: false; reason: string };

export interface ClearCriteria {
  id?: number;
  evseId?: number;
  purpose?: NeutralProfilePurpose;
  stackLevel?: number;
}

const reject = (reason: string): InstallDecision => ({ accepted: false, reason });

function check(
  profile: NeutralChargingProfile,
  ctx: InstallContext,
  installed: NeutralChargingProfile[],
): InstallDecision {
  const { evseId, purpose, schedule } = profile;
  if (evseId < 0 || evseId > ctx.evseCount) return reject('UnknownEVSE'); // K01.FR.28
  if (purpose === 'StationExternal') return reject('ExternalConstraintsNotSettable'); // K01.FR.22
  if (purpose === 'StationMax' && evseId !== 0) return reject('MaxProfileNotOnEvse0');
  if (purpose === 'StationMax' && profile.kind === 'Relative') return reject('MaxProfileRelative'); // K01.FR.38
  if (purpose === 'Tx') {
    if (evseId === 0) return reject('TxProfileOnEvse0'); // K01.FR.16
    const running = ctx.transactionOn(evseId);
    if (!running) return reject('NoTransaction'); // K01.FR.09, 1.6 §5.16
    if (profile.transactionId !== undefined && profile.transactionId !== running) return reject('UnknownTransaction'); // K01.FR.33
  }
  if (!ctx.supportedRateUnits.includes(schedule.rateUnit)) return reject('UnsupportedRateUnit'); // K01.FR.26
  if (profile.stackLevel > ctx.maxStackLevel) return reject('StackLevelTooHigh');
  if (schedule.periods.length === 0 || schedule.periods.length > ctx.maxPeriods) return reject('TooManyPeriods');
  if (ctx.version === '2.0.1') {
    if (profile.kind !== 'Relative' && !schedule.startSchedule) return reject('MissingStartSchedule'); // K01.FR.40
    if (profile.kind === 'Relative' && schedule.startSchedule) return reject('UnexpectedStartSchedule'); // K01.FR.41
    if (schedule.periods[0].startSeconds !== 0) return reject('FirstPeriodNotAtZero'); // K01.FR.31
    const ordered = schedule.periods.every((p, i, all) => i === 0 || p.startSeconds > all[i - 1].startSeconds);
    if (!ordered) return reject('PeriodsNotOrdered'); // K01.FR.35
    if (purpose === 'TxDefault') {
      // K01.FR.52/53: one TxDefaultProfile per stack level across EVSE 0 and the specific EVSEs.
      const clash = installed.find(
        (p) =>
          p.purpose === 'TxDefault' &&
          p.stackLevel === profile.stackLevel &&
          p.id !== profile.id &&
          p.evseId !== evseId &&
          (p.evseId === 0 || evseId === 0),
      );
      if (clash) return reject('DuplicateProfile');
    }
  }
  return { accepted: true };
}

/** Same id (K01.FR.05, 1.6 §5.16), or same purpose, stack level and target (1.6 §3.13.2, K01.FR.06/39). */
function replaces(existing: NeutralChargingProfile, incoming: NeutralChargingProfile): boolean {
  if (existing.id === incoming.id) return true;
  if (existing.purpose !== incoming.purpose || existing.stackLevel !== incoming.stackLevel) return false;
  if (incoming.purpose === 'Tx') return existing.transactionId === incoming.transactionId;
  return existing.evseId === incoming.evseId;
}

export class ProfileStore {
  private profiles: NeutralChargingProfile[] = [];

  all(): NeutralChargingProfile[] {
    return this.profiles;
  }

  install(profile: NeutralChargingProfile, ctx: InstallContext): InstallDecision {
    const decision = check(profile, ctx, this.profiles);
    if (!decision.accepted) return decision;
    // A TxProfile without transactionId is for the running transaction on its EVSE.
    const stored =
      profile.purpose === 'Tx' && profile.transactionId === undefined
        ? { ...profile, transactionId: ctx.transactionOn(profile.evseId) }
        : profile;
    this.profiles = [...this.profiles.filter((p) => !replaces(p, stored)), stored];
    return decision;
  }

  /** Removes matching profiles (1.6 §5.5, K10); returns how many. With no criteria at all, clears everything. */
  clear(criteria: ClearCriteria): number {
    const matches = (p: NeutralChargingProfile) =>
      criteria.id !== undefined
        ? p.id === criteria.id
        : (criteria.evseId === undefined || p.evseId === criteria.evseId) &&
          (criteria.purpose === undefined || p.purpose === criteria.purpose) &&
          (criteria.stackLevel === undefined || p.stackLevel === criteria.stackLevel);
    const before = this.profiles.length;
    this.profiles = this.profiles.filter((p) => !matches(p));
    return before - this.profiles.length;
  }

  /** A TxProfile lives only as long as its transaction (1.6 §3.13.1, K01 TxProfile). */
  endTransaction(transactionId: string): void {
    this.profiles = this.profiles.filter((p) => !(p.purpose === 'Tx' && p.transactionId === transactionId));
  }
}
