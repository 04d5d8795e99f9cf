import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { definedOnly } from '../common/defined-only';
import { Vehicle } from './vehicle.entity';

export interface VehicleFilter {
  siteId?: string;
  type?: string;
  inService?: boolean;
}

@Injectable()
export class VehiclesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Vehicle);
  }

  insert(vehicle: Partial<Vehicle>): Promise<Vehicle> {
    const repo = this.repo();
    return repo.save(repo.create(vehicle));
  }

  findById(id: string): Promise<Vehicle | null> {
    return this.repo().findOne({ where: { id } });
  }

  findByIdTag(idTag: string): Promise<Vehicle | null> {
    return this.repo().findOne({ where: { idTag } });
  }

  list(filter: VehicleFilter, limit: number, offset: number): Promise<[Vehicle[], number]> {
    const where: FindOptionsWhere<Vehicle> = definedOnly(filter);
    return this.repo().findAndCount({ where, order: { fleetNumber: 'ASC' }, take: limit, skip: offset });
  }

  listBySite(siteId: string): Promise<Vehicle[]> {
    return this.repo().find({ where: { siteId }, order: { fleetNumber: 'ASC' } });
  }

  /**
   * Read-modify-write under a row lock so two concurrent partial updates both land. The callback
   * returns the row to save, or throws to abort with nothing written.
   */
  updateLocked(id: string, change: (vehicle: Vehicle) => Vehicle): Promise<Vehicle | null> {
    return this.dataSource.transaction(async (manager) => {
      const vehicle = await this.repo(manager).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!vehicle) return null;
      return this.repo(manager).save(change(vehicle));
    });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repo().delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
