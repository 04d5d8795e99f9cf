import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, In, LessThan, MoreThanOrEqual } from 'typeorm';
import { definedOnly } from '../../common/defined-only';
import { Flight } from './flight.entity';

const CHUNK = 1000;

@Injectable()
export class FlightsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Flight);
  }

  /** One transaction for a whole import or batch of updates: all of it is stored, or nothing. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The site's flights on operating dates from..to (inclusive), of these carriers, locked for the import. */
  inDates(siteId: string, from: string, to: string, carriers: string[], manager: EntityManager): Promise<Flight[]> {
    return this.repo(manager).find({
      where: { siteId, operatingDate: Between(from, to), carrier: In(carriers) },
    });
  }

  onDates(siteId: string, dates: string[], manager: EntityManager): Promise<Flight[]> {
    return this.repo(manager).find({ where: { siteId, operatingDate: In(dates) } });
  }

  /** Flights scheduled in [from, to) (either bound optional), in scheduled order. */
  list(siteId: string, from?: Date, to?: Date): Promise<Flight[]> {
    const scheduledTime =
      from && to ? Between(from, new Date(to.getTime() - 1)) : from ? MoreThanOrEqual(from) : to && LessThan(to);
    return this.repo().find({
      where: definedOnly({ siteId, scheduledTime }),
      order: { scheduledTime: 'ASC', carrier: 'ASC', number: 'ASC' },
    });
  }

  byIds(ids: string[]): Promise<Flight[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo().find({ where: { id: In(ids) } });
  }

  async insertMany(flights: Partial<Flight>[], manager: EntityManager): Promise<Flight[]> {
    const saved: Flight[] = [];
    for (let i = 0; i < flights.length; i += CHUNK) {
      const chunk = flights.slice(i, i + CHUNK);
      const result = await this.repo(manager).insert(chunk);
      chunk.forEach((flight, index) => saved.push({ ...flight, ...result.generatedMaps[index] } as Flight));
    }
    return saved;
  }

  save(flights: Flight[], manager: EntityManager): Promise<Flight[]> {
    return this.repo(manager).save(flights, { chunk: CHUNK });
  }
}
