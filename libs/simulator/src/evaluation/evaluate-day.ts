import { clairvoyantPublicEnergyBound, PublicEnergyBound } from './clairvoyant-bound';
import type { Policy, RunKpis, RunResult, SiteDay } from './evaluation-types';
import { UncontrolledPolicy } from './policies/priority-policies';
import { simulateDay } from './simulate-day';
import { withGridLimit } from './site-day';

export interface EvaluateOptions {
  /** Fresh policies for one run (policies keep state, so every run gets new ones). */
  makePolicies: () => Policy[];
  /** Grid limit of the main comparison, as a share of the uncontrolled peak (default 0.6, issue 7's goal). */
  limitShare?: number;
  /** Grid-limit shares to sweep (e.g. 0.3..1.0); none = no sweep. */
  sweepShares?: number[];
  /** Called after each run (progress on stderr in the CLI). */
  onRun?: (kpis: RunKpis) => void;
}

export interface Evaluation {
  site: string;
  uncontrolledPeakKw: number;
  limitShare: number;
  runs: RunResult[];
  sweep: RunKpis[];
  /** The least public energy any policy could leave undelivered at `limitShare` (none without public EVs). */
  publicBound?: PublicEnergyBound;
}

/**
 * The uncontrolled run fixes the reference peak (grid-side, base load included); then every policy runs at
 * `limitShare` of it, and optionally at each sweep share.
 */
export async function evaluateDay(day: SiteDay, options: EvaluateOptions): Promise<Evaluation> {
  const reference = await simulateDay(day, new UncontrolledPolicy());
  const uncontrolledPeakKw = reference.kpis.peakKw;
  const limitShare = options.limitShare ?? 0.6;
  const runAll = async (share: number): Promise<RunResult[]> => {
    const limited = withGridLimit(day, Math.round(uncontrolledPeakKw * share));
    const results: RunResult[] = [];
    for (const policy of options.makePolicies()) {
      try {
        const result = await simulateDay(limited, policy);
        options.onRun?.(result.kpis);
        results.push(result);
      } finally {
        await policy.dispose?.();
      }
    }
    return results;
  };
  const runs = await runAll(limitShare);
  const publicBound = await clairvoyantPublicEnergyBound(
    withGridLimit(day, Math.round(uncontrolledPeakKw * limitShare)),
  );
  const sweep: RunKpis[] = [];
  for (const share of options.sweepShares ?? []) {
    sweep.push(...(await runAll(share)).map((result) => result.kpis));
  }
  return { site: day.base.site.id, uncontrolledPeakKw, limitShare, runs, sweep, publicBound };
}

/** 0.3, 0.4, ... 1.0: ACN-style sweep from 30 % to 100 % of the uncontrolled peak. */
export function defaultSweepShares(): number[] {
  return [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
}
