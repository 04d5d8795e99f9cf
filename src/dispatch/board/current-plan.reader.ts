import { Injectable } from '@nestjs/common';
import { PlanRun } from '../../scheduling/plan-run.entity';
import { PlanRunsRepository } from '../../scheduling/plan-runs.repository';
import { EffectivePlan } from './plan-timeline';

export interface CurrentPlan {
  /** The latest run of the site, whatever it applied. */
  latest: PlanRun;
  /** The plan in force: a run stores its fresh solve, so a run that kept the last plan points back to it. */
  plan: EffectivePlan | null;
}

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
