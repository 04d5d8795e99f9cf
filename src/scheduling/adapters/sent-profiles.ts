import type { ProfileCommand } from '../profile-commands';

interface Sent {
  signature: string;
  atMs: number;
}

/**
 * What each charger last accepted from the plan, per EVSE and purpose, so only changed profiles are sent. In memory:
 * after a restart of Apron every profile is sent once again, which is harmless (same id replaces, K01.FR.05).
 */
export class SentProfiles {
  private readonly byCharger = new Map<string, Map<string, Sent>>();
  /** Bumped when a charger's entries are forgotten, so an answer that was in flight then is not recorded. */
  private readonly generations = new Map<string, number>();

  /** The same profile was accepted less than `freshForMs` ago. */
  isFresh(command: ProfileCommand, nowMs: number, freshForMs: number): boolean {
    const previous = this.byCharger.get(command.chargePointId)?.get(keyOf(command));
    return previous?.signature === command.signature && nowMs - previous.atMs < freshForMs;
  }

  /** Taken before sending; `record` ignores the answer if the charger was forgotten meanwhile. */
  ticket(chargePointId: string): number {
    return this.generations.get(chargePointId) ?? 0;
  }

  record(command: ProfileCommand, nowMs: number, ticket: number): void {
    if (ticket !== this.ticket(command.chargePointId)) return;
    const sent = this.byCharger.get(command.chargePointId) ?? new Map<string, Sent>();
    sent.set(keyOf(command), { signature: command.signature, atMs: nowMs });
    this.byCharger.set(command.chargePointId, sent);
  }

  forgetOne(command: ProfileCommand): void {
    this.byCharger.get(command.chargePointId)?.delete(keyOf(command));
  }

  /** The charger may have lost its profiles (reboot, reconnect): everything is sent again on the next tick. */
  forget(chargePointId: string): void {
    this.byCharger.delete(chargePointId);
    this.generations.set(chargePointId, this.ticket(chargePointId) + 1);
  }
}

function keyOf(command: ProfileCommand): string {
  return `${command.evseId}/${command.purpose}`;
}
