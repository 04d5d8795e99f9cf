import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS, Roles } from '../auth/roles.decorator';
import { PageQuery } from '../common/pagination';
import { SitesService } from '../sites/sites.service';
import { PlanRunDetail, PlanRunPage, PlanRunSummary, SolveNowResponse } from './plan-run.dto';
import { PlanRunsService } from './plan-runs.service';
import { SiteTickService } from './site-tick.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller('api/v1/sites/:siteId')
export class SchedulingController {
  constructor(
    private readonly sites: SitesService,
    private readonly ticks: SiteTickService,
    private readonly runs: PlanRunsService,
  ) {}

  @Post('solve-now')
  @HttpCode(200)
  @Roles('dispatcher', 'fleet-manager')
  @ApiOkResponse({ type: SolveNowResponse })
  @ApiOperation({ summary: 'Run a scheduling tick for the site now and apply its plan (dispatcher, fleet-manager)' })
  async solveNow(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<SolveNowResponse> {
    await this.sites.get(siteId);
    const outcome = await this.ticks.tick(siteId, 'solve-now');
    return outcome.ran
      ? { ran: true, run: PlanRunDetail.fromRun(outcome.run) }
      : { ran: false, reason: outcome.reason };
  }

  @Get('plan')
  @Roles(...READERS)
  @ApiOkResponse({ type: PlanRunDetail })
  @ApiOperation({ summary: 'The latest plan run of the site, with its input and result (any role)' })
  async latest(@Param('siteId', ParseUUIDPipe) siteId: string): Promise<PlanRunDetail> {
    await this.sites.get(siteId);
    const run = await this.runs.latest(siteId);
    if (!run) throw new NotFoundException(`Site ${siteId} has no plan yet`);
    return PlanRunDetail.fromRun(run);
  }

  @Get('plan-runs')
  @Roles(...READERS)
  @ApiOkResponse({ type: PlanRunPage })
  @ApiOperation({ summary: 'Plan runs of the site, newest first (any role)' })
  async list(@Param('siteId', ParseUUIDPipe) siteId: string, @Query() query: PageQuery): Promise<PlanRunPage> {
    await this.sites.get(siteId);
    const [items, total] = await this.runs.list(siteId, query.limit, query.offset);
    return { items: items.map(PlanRunSummary.from), total, limit: query.limit, offset: query.offset };
  }

  @Get('plan-runs/:runId')
  @Roles(...READERS)
  @ApiOkResponse({ type: PlanRunDetail })
  @ApiOperation({ summary: 'One plan run with its input and result (any role)' })
  async get(
    @Param('siteId', ParseUUIDPipe) siteId: string,
    @Param('runId', ParseUUIDPipe) runId: string,
  ): Promise<PlanRunDetail> {
    const run = await this.runs.find(siteId, runId);
    if (!run) throw new NotFoundException(`Plan run ${runId} not found at site ${siteId}`);
    return PlanRunDetail.fromRun(run);
  }
}
