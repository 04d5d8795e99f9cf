import { Injectable } from '@nestjs/common';
import { PlanInput, PlanResult } from '@apron/planner';
import { PlanRun } from './plan-run.entity';
import { PlanRunsRepository } from './plan-runs.repository';

/** A plan as the chargers and dispatchers got it: its input and result. */
export interface EffectivePlan {
  input: PlanInput;
  result: PlanResult;
}

export interface CurrentPlan {
  /** The latest run of the site, whatever it applied. */
  latest: PlanRun;
  /** The plan in force: a run stores its fresh solve, so a run that kept the last plan points back to it. */
  plan: EffectivePlan | null;
}

/** The plan in force at a site, the one rule the dispatch board and the dashboard both read plans by. */
@Injectable()
export class CurrentPlanReader {
  constructor(private readonly runs: PlanRunsRepository) {}

  async current(siteId: string): Promise<CurrentPlan | null> {
    const latest = await this.runs.latest(siteId);
    if (!latest) return null;
    const source = latest.applied === 'kept-last' ? await this.runs.latestApplied(siteId) : latest;
    return { latest, plan: source ? { input: source.input, result: source.result } : null };
  }
}
