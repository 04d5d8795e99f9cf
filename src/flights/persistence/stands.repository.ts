import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Stand } from './stand.entity';

@Injectable()
export class StandsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(siteId: string): Promise<Stand[]> {
    return this.dataSource.getRepository(Stand).find({ where: { siteId }, order: { standId: 'ASC' } });
  }

  /** Replaces the site's whole stand table in one transaction. */
  replace(siteId: string, stands: Stand[]): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Stand).delete({ siteId });
      if (stands.length > 0) await manager.getRepository(Stand).insert(stands);
    });
  }
}
