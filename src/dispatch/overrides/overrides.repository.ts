import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OverrideRecord } from './override-record.entity';

@Injectable()
export class OverridesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(OverrideRecord);
  }

  insert(record: Omit<OverrideRecord, 'id'>): Promise<OverrideRecord> {
    return this.repo.save(this.repo.create(record));
  }

  list(siteId: string, limit: number, offset: number): Promise<[OverrideRecord[], number]> {
    return this.repo.findAndCount({ where: { siteId }, order: { at: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }
}
