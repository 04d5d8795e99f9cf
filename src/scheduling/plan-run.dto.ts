import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMeta } from '../common/pagination';
import { PlanRun, TICK_TRIGGERS } from './plan-run.entity';

export class PlanRunSummary {
  @ApiProperty() id!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty() tickAt!: Date;
  @ApiProperty({ enum: TICK_TRIGGERS }) trigger!: string;
  @ApiProperty({ enum: ['optimal', 'feasible', 'fallback', 'infeasible'], description: 'Status of the fresh solve' })
  status!: string;
  @ApiProperty({ enum: ['new', 'kept-last', 'fallback'], description: 'What was applied' }) applied!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the fresh plan was not applied as is' })
  reason!: string | null;
  @ApiProperty({ nullable: true, type: Number }) objective!: number | null;
  @ApiProperty() solveMs!: number;
  @ApiProperty() tickMs!: number;

  static from(run: PlanRun): PlanRunSummary {
    const { id, siteId, tickAt, trigger, status, applied, message, reason, objective, solveMs, tickMs } = run;
    return { id, siteId, tickAt, trigger, status, applied, message, reason, objective, solveMs, tickMs };
  }
}

export class PlanRunDetail extends PlanRunSummary {
  @ApiProperty({ description: 'The scenario solved (format v1): replay it with npm run plan' }) input!: object;
  @ApiProperty({ description: 'The planner result (result format of DESIGN.md §5)' }) result!: object;
  @ApiProperty({ type: [String] }) notes!: string[];

  static fromRun(run: PlanRun): PlanRunDetail {
    return { ...PlanRunSummary.from(run), input: run.input, result: run.result, notes: run.notes };
  }
}

export class PlanRunPage extends PageMeta {
  @ApiProperty({ type: [PlanRunSummary] }) items!: PlanRunSummary[];
}

export class SolveNowResponse {
  @ApiProperty() ran!: boolean;
  @ApiPropertyOptional({ description: 'Why no tick ran (one was already running)' }) reason?: string;
  @ApiPropertyOptional({ type: PlanRunDetail }) run?: PlanRunDetail;
}
