import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { definedOnly } from '../common/defined-only';
import { Charger, CurrentType } from './charger.entity';
import { ConnectorSpec } from './charger-rules';
import { Connector } from './connector.entity';

/** The charger's own columns, as written by create and update. */
export type ChargerColumns = Pick<
  Charger,
  'chargePointId' | 'siteId' | 'currentType' | 'phases' | 'voltageV' | 'maxKw' | 'passwordHash'
>;

export interface ChargerFilter {
  siteId?: string;
  currentType?: CurrentType;
}

/** What an update writes: columns to set, and the connectors replacing the stored set when given. */
export interface ChargerChange {
  set: Partial<ChargerColumns>;
  connectors?: ConnectorSpec[];
}

@Injectable()
export class ChargersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads chargers with their connectors and the password hash (for `hasPassword`), connectors in id order. */
  private query(manager: EntityManager = this.dataSource.manager) {
    return manager
      .getRepository(Charger)
      .createQueryBuilder('charger')
      .addSelect('charger.passwordHash')
      .leftJoinAndSelect('charger.connectors', 'connector')
      .orderBy('charger.chargePointId', 'ASC')
      .addOrderBy('connector.connectorId', 'ASC');
  }

  /** The charger and its connectors in one transaction: a failure leaves neither. */
  insert(columns: ChargerColumns, connectors: ConnectorSpec[]): Promise<Charger> {
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.getRepository(Charger).insert(columns);
      const id = identifiers[0].id as string;
      await this.insertConnectors(manager, id, connectors);
      return (await this.findById(id, manager)) as Charger;
    });
  }

  findById(id: string, manager?: EntityManager): Promise<Charger | null> {
    return this.query(manager).where('charger.id = :id', { id }).getOne();
  }

  findByChargePointId(chargePointId: string): Promise<Charger | null> {
    return this.query().where('charger.chargePointId = :chargePointId', { chargePointId }).getOne();
  }

  /** Pages over chargers alone, then loads those with connectors (ordering by a joined column would page rows). */
  async list(filter: ChargerFilter, limit: number, offset: number): Promise<[Charger[], number]> {
    const where: FindOptionsWhere<Charger> = definedOnly(filter);
    const [page, total] = await this.dataSource.getRepository(Charger).findAndCount({
      where,
      select: { id: true },
      order: { chargePointId: 'ASC' },
      take: limit,
      skip: offset,
    });
    if (page.length === 0) return [[], total];
    const ids = page.map((charger) => charger.id);
    return [await this.query().where('charger.id IN (:...ids)', { ids }).getMany(), total];
  }

  listBySite(siteId: string): Promise<Charger[]> {
    return this.query().where('charger.siteId = :siteId', { siteId }).getMany();
  }

  /**
   * Read-modify-write under a row lock, connectors included, in one transaction. The callback gets the
   * stored charger with its connectors and returns what to write, or throws to abort with nothing written.
   */
  updateLocked(id: string, change: (charger: Charger) => ChargerChange): Promise<Charger | null> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await manager
        .getRepository(Charger)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' }, select: { id: true } });
      if (!locked) return null;
      const { set, connectors } = change((await this.findById(id, manager)) as Charger);
      // update() through the query builder bumps version and updatedAt even when only connectors change.
      await manager.getRepository(Charger).update({ id }, set);
      if (connectors) {
        await manager.getRepository(Connector).delete({ chargerId: id });
        await this.insertConnectors(manager, id, connectors);
      }
      return this.findById(id, manager);
    });
  }

  /** The deleted charger's chargePointId, or null when there was none with this id. */
  async delete(id: string): Promise<string | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(Charger)
      .where('id = :id', { id })
      .returning(['chargePointId'])
      .execute();
    const rows = result.raw as { chargePointId: string }[];
    return rows[0]?.chargePointId ?? null;
  }

  private async insertConnectors(manager: EntityManager, chargerId: string, connectors: ConnectorSpec[]) {
    if (connectors.length === 0) return;
    await manager.getRepository(Connector).insert(connectors.map((connector) => ({ ...connector, chargerId })));
  }
}
