import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { Site, SiteKind } from './site.entity';

@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Site);
  }

  insert(site: Partial<Site>): Promise<Site> {
    const repo = this.repo();
    return repo.save(repo.create(site));
  }

  findById(id: string): Promise<Site | null> {
    return this.repo().findOne({ where: { id } });
  }

  findByCode(code: string): Promise<Site | null> {
    return this.repo().findOne({ where: { code } });
  }

  list(filter: { kind?: SiteKind }, limit: number, offset: number): Promise<[Site[], number]> {
    const where: FindOptionsWhere<Site> = filter.kind ? { kind: filter.kind } : {};
    return this.repo().findAndCount({ where, order: { code: 'ASC' }, take: limit, skip: offset });
  }

  /**
   * Read-modify-write under a row lock so two concurrent partial updates both land. The callback
   * returns the row to save, or throws to abort with nothing written.
   */
  updateLocked(id: string, change: (site: Site) => Site): Promise<Site | null> {
    return this.dataSource.transaction(async (manager) => {
      const site = await this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!site) return null;
      return this.repo(manager).save(change(site));
    });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repo().delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
