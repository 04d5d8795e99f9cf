import { Injectable } from '@nestjs/common';
import { PlanRun } from './plan-run.entity';
import { PlanRunsRepository } from './plan-runs.repository';

/**
 * Stored plan runs for the scheduling API and for other features (DESIGN.md §2: they read scheduling's data through
 * this exported service, never through its repository). Lists carry summaries only; one run carries its input and
 * result.
 */
@Injectable()
export class PlanRunsService {
  constructor(private readonly runs: PlanRunsRepository) {}

  latest(siteId: string): Promise<PlanRun | null> {
    return this.runs.latest(siteId);
  }

  /** Newest first, without the input and result documents. */
  list(siteId: string, limit: number, offset: number): Promise<[PlanRun[], number]> {
    return this.runs.list(siteId, limit, offset);
  }

  find(siteId: string, runId: string): Promise<PlanRun | null> {
    return this.runs.findById(siteId, runId);
  }
}
