import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { SocEstimatorJson } from '@apron/soc';
import { retryIdempotent } from '../common/retry';
import { VehicleSocStateRow } from './vehicle-soc-state.entity';

@Injectable()
export class SocStatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(vehicleId: string): Promise<SocEstimatorJson | null> {
    const row = await retryIdempotent(() =>
      this.dataSource.getRepository(VehicleSocStateRow).findOne({ where: { vehicleId } }),
    );
    return row?.estimator ?? null;
  }

  /** Stored estimators of these vehicles, in one read. */
  async findMany(vehicleIds: string[]): Promise<Map<string, SocEstimatorJson>> {
    if (vehicleIds.length === 0) return new Map();
    const rows = await retryIdempotent(() =>
      this.dataSource.getRepository(VehicleSocStateRow).find({ where: { vehicleId: In(vehicleIds) } }),
    );
    return new Map(rows.map((row) => [row.vehicleId, row.estimator]));
  }

  async save(vehicleId: string, estimator: SocEstimatorJson): Promise<void> {
    await retryIdempotent(() =>
      this.dataSource.query(
        `INSERT INTO "fleet_vehicle_soc_states" ("vehicleId", "estimator") VALUES ($1, $2)
       ON CONFLICT ("vehicleId") DO UPDATE SET "estimator" = EXCLUDED."estimator", "updatedAt" = now()`,
        [vehicleId, JSON.stringify(estimator)],
      ),
    );
  }
}
