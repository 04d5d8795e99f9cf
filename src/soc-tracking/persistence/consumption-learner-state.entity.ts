import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ConsumptionLearnerJson } from '@apron/soc';

/** The fleet's consumption learner (`ConsumptionLearner.toJSON()`); one row, since fleet medians span all vehicles. */
@Entity('fleet_consumption_learner')
export class ConsumptionLearnerStateRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_fleet_consumption_learner' })
  id!: string;

  @Column({ type: 'jsonb' })
  learner!: ConsumptionLearnerJson;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
