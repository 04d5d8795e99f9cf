import type { PlanInput, PlanResult } from '@apron/planner';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../database/column-transformers';
import type { PlanSource } from './plan-choice';

/** One scheduling tick of one site: what was solved, what was applied, and why. Replayable with `npm run plan`. */
export const TICK_TRIGGERS = ['tick', 'solve-now', 'flight-update'] as const;
export type TickTrigger = (typeof TICK_TRIGGERS)[number];

@Entity('plan_runs')
@Index('IDX_plan_runs_site_tick', ['siteId', 'tickAt'])
export class PlanRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_plan_runs' })
  id!: string;

  @Column({ type: 'uuid' })
  siteId!: string;

  @Column({ type: 'timestamptz' })
  tickAt!: Date;

  /** 'tick' from the schedule, 'solve-now' from a dispatcher, 'flight-update' after a flight's tasks changed. */
  @Column({ type: 'text' })
  trigger!: string;

  /** Status of the fresh solve (optimal, feasible, fallback, infeasible). */
  @Column({ type: 'text' })
  status!: string;

  /** What was applied: the fresh plan, the last plan kept, or the fallback. */
  @Column({ type: 'text' })
  applied!: PlanSource;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  objective!: number | null;

  @Column({ type: 'numeric', transformer: numericTransformer })
  solveMs!: number;

  @Column({ type: 'numeric', transformer: numericTransformer })
  tickMs!: number;

  /** The scenario that was solved (scenario format v1). */
  @Column({ type: 'jsonb' })
  input!: PlanInput;

  @Column({ type: 'jsonb' })
  result!: PlanResult;

  /** What the input builder left out and why. */
  @Column({ type: 'jsonb' })
  notes!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
