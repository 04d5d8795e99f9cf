import { Solved } from './solve-assigned';

const FIRST_MIP_BACKOFF_TICKS = 8;
const MAX_MIP_BACKOFF_TICKS = 32;

/**
 * Per site: a near-window MIP that timed out lately would most likely time out again (a site short of vehicles stays
 * short for a while), so the next joint ticks skip it instead of paying its time cap every tick: 8 ticks after a
 * timeout, then 16, then 32 after further timeouts; a MIP that finishes resets it.
 */
export class MipBackoff {
  /** `skipTicks`: joint ticks left that skip the MIP; `nextSkipTicks`: ticks to skip after the next timeout. */
  private readonly bySite = new Map<string, { skipTicks: number; nextSkipTicks: number }>();

  skipsMip(siteId: string): boolean {
    const backoff = this.bySite.get(siteId);
    return backoff !== undefined && backoff.skipTicks > 0;
  }

  /** After each joint tick: `solved` is the tick's solve before candidates were widened. */
  recordJointTick(siteId: string, mipSkipped: boolean, solved: Solved): void {
    const backoff = this.bySite.get(siteId);
    const triedMip = solved.built.model.integrality.some((flag) => flag !== 0);
    if (mipSkipped && backoff) backoff.skipTicks -= 1;
    else if (triedMip && solved.ok && solved.solution.mipTimedOut) {
      const next = Math.min(MAX_MIP_BACKOFF_TICKS, backoff ? 2 * backoff.nextSkipTicks : FIRST_MIP_BACKOFF_TICKS);
      this.bySite.set(siteId, { skipTicks: next, nextSkipTicks: next });
    } else if (triedMip) this.bySite.delete(siteId);
  }

  forget(siteId: string): void {
    this.bySite.delete(siteId);
  }
}
