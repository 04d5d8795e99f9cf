import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, In, LessThan, MoreThanOrEqual } from 'typeorm';
import { flightKey } from '@apron/flights';
import { definedOnly } from '../../common/defined-only';
import { UnnestColumn, unnestInsert } from '../../database/unnest-insert';
import { Flight } from './flight.entity';

const CHUNK = 1000;
const FLIGHT_COLUMNS: UnnestColumn<Partial<Flight>>[] = [
  { name: 'siteId', type: 'uuid', value: (f) => f.siteId },
  { name: 'carrier', type: 'text', value: (f) => f.carrier },
  { name: 'number', type: 'text', value: (f) => f.number },
  { name: 'operatingDate', type: 'date', value: (f) => f.operatingDate },
  { name: 'direction', type: 'text', value: (f) => f.direction },
  { name: 'scheduledTime', type: 'timestamptz', value: (f) => f.scheduledTime?.toISOString() },
  { name: 'estimatedTime', type: 'timestamptz', value: (f) => f.estimatedTime?.toISOString() },
  { name: 'actualTime', type: 'timestamptz', value: (f) => f.actualTime?.toISOString() },
  { name: 'stand', type: 'text', value: (f) => f.stand },
  { name: 'passengers', type: 'integer', value: (f) => f.passengers },
  { name: 'aircraftType', type: 'text', value: (f) => f.aircraftType },
  { name: 'seats', type: 'integer', value: (f) => f.seats },
  { name: 'serviceType', type: 'text', value: (f) => f.serviceType },
  { name: 'status', type: 'text', value: (f) => f.status ?? 'scheduled' },
  { name: 'source', type: 'text', value: (f) => f.source },
];

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

  /** New flights in one statement (a season's import is 50,000 of them); returns them with their ids. */
  async insertMany(flights: Partial<Flight>[], manager: EntityManager): Promise<Flight[]> {
    const rows = await unnestInsert<Partial<Flight>, { id: string; key: string }>(
      manager,
      'flights',
      FLIGHT_COLUMNS,
      flights,
      `"id", concat_ws('|', "carrier", "number", "operatingDate"::text, "direction") AS "key"`,
    );
    const ids = new Map(rows.map((row) => [row.key, row.id]));
    return flights.map((flight) => ({ ...flight, id: ids.get(flightKey(flight as Flight)) }) as Flight);
  }

  save(flights: Flight[], manager: EntityManager): Promise<Flight[]> {
    return this.repo(manager).save(flights, { chunk: CHUNK });
  }
}
