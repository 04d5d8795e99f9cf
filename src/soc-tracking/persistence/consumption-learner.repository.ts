import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ConsumptionLearnerJson } from '@apron/soc';
import { ConsumptionLearnerStateRow } from './consumption-learner-state.entity';

const FLEET_ROW = 'fleet';

@Injectable()
export class ConsumptionLearnerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(): Promise<ConsumptionLearnerJson | null> {
    const row = await this.dataSource.getRepository(ConsumptionLearnerStateRow).findOne({ where: { id: FLEET_ROW } });
    return row?.learner ?? null;
  }

  async save(learner: ConsumptionLearnerJson): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "fleet_consumption_learner" ("id", "learner") VALUES ($1, $2)
       ON CONFLICT ("id") DO UPDATE SET "learner" = EXCLUDED."learner", "updatedAt" = now()`,
      [FLEET_ROW, JSON.stringify(learner)],
    );
  }
}
