import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { retryIdempotent } from '../common/retry';
import { SocHistoryRow } from './soc-history.entity';

export type SocHistoryPoint = Pick<
  SocHistoryRow,
  'vehicleId' | 'at' | 'source' | 'socPercent' | 'uncertaintyPercent' | 'readingPercent'
>;

@Injectable()
export class SocHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A point recomputed later (an out-of-order input) replaces the earlier one. */
  async upsert(points: SocHistoryPoint[]): Promise<void> {
    if (points.length === 0) return;
    await retryIdempotent(() =>
      this.dataSource
        .createQueryBuilder()
        .insert()
        .into(SocHistoryRow)
        .values(points)
        .orUpdate(['socPercent', 'uncertaintyPercent', 'readingPercent'], ['vehicleId', 'at', 'source'])
        .execute(),
    );
  }

  list(vehicleId: string, from: Date | undefined, to: Date | undefined, limit: number, offset: number) {
    const query = this.dataSource
      .getRepository(SocHistoryRow)
      .createQueryBuilder('h')
      .where('h.vehicleId = :vehicleId', { vehicleId });
    if (from) query.andWhere('h.at >= :from', { from });
    if (to) query.andWhere('h.at <= :to', { to });
    return query.orderBy('h.at', 'ASC').addOrderBy('h.source', 'ASC').take(limit).skip(offset).getManyAndCount();
  }
}
