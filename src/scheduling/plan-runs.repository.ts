import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsSelect } from 'typeorm';
import { PlanRun } from './plan-run.entity';

/** Lists leave out the input and result documents, which are large. */
const SUMMARY_COLUMNS: FindOptionsSelect<PlanRun> = {
  id: true,
  siteId: true,
  tickAt: true,
  trigger: true,
  status: true,
  applied: true,
  message: true,
  reason: true,
  objective: true,
  solveMs: true,
  tickMs: true,
  createdAt: true,
};

@Injectable()
export class PlanRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(PlanRun);
  }

  insert(run: Omit<PlanRun, 'id' | 'createdAt'>): Promise<PlanRun> {
    return this.repo.save(this.repo.create(run));
  }

  latest(siteId: string): Promise<PlanRun | null> {
    return this.repo.findOne({ where: { siteId }, order: { tickAt: 'DESC', createdAt: 'DESC' } });
  }

  /** The latest run whose fresh plan was applied: the plan a failed tick may keep (runs store the fresh solve). */
  latestApplied(siteId: string): Promise<PlanRun | null> {
    return this.repo
      .createQueryBuilder('run')
      .where('run.siteId = :siteId', { siteId })
      .andWhere(`run.applied = 'new'`)
      .orderBy('run.tickAt', 'DESC')
      .addOrderBy('run.createdAt', 'DESC')
      .getOne();
  }

  list(siteId: string, limit: number, offset: number): Promise<[PlanRun[], number]> {
    return this.repo.findAndCount({
      where: { siteId },
      order: { tickAt: 'DESC', createdAt: 'DESC' },
      take: limit,
      skip: offset,
      select: SUMMARY_COLUMNS,
    });
  }

  findById(siteId: string, id: string): Promise<PlanRun | null> {
    return this.repo.findOne({ where: { siteId, id } });
  }

  /**
   * Retention: plan runs older than the cut-off go, except what CurrentPlanReader reads for a site that still exists:
   * its latest run and its latest run that applied a fresh plan. A site whose ticks stopped (scheduler off, or every
   * tick failing) so still shows the plan its chargers and dispatchers last got.
   */
  async deleteBefore(cutoff: Date): Promise<number> {
    const result = await this.repo
      .createQueryBuilder()
      .delete()
      .from(PlanRun)
      .where('"tickAt" < :cutoff', { cutoff })
      .andWhere(`"id" NOT IN (${latestPerSite('TRUE')})`)
      .andWhere(`"id" NOT IN (${latestPerSite(`"applied" = 'new'`)})`)
      .execute();
    return result.affected ?? 0;
  }
}

/** The id of each existing site's latest run among those matching `condition` (SQL). */
function latestPerSite(condition: string): string {
  return `SELECT DISTINCT ON ("siteId") "id" FROM "plan_runs"
    WHERE ${condition} AND "siteId" IN (SELECT "id" FROM "sites")
    ORDER BY "siteId", "tickAt" DESC, "createdAt" DESC`;
}
