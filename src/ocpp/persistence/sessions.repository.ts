import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SessionLinkSource, SessionRow } from './session.entity';

export interface SessionOwner {
  chargePointId: string;
  chargerId: string | null;
  siteId: string | null;
}

export interface V16StartInsert extends SessionOwner {
  startKey: string;
  evseId: number;
  connectorId: number;
  idTag: string;
  vehicleId: string | null;
  linkSource: SessionLinkSource | null;
  authorizationStatus: string;
  startedAt: Date;
  meterStartWh: number;
}

export interface SessionFilter {
  chargePointId?: string;
  chargerId?: string;
  siteId?: string;
  vehicleId?: string;
  active?: boolean;
  /** Sessions overlapping [from, to]. */
  from?: Date;
  to?: Date;
}

/** Columns a session event may set; undefined leaves a column as it is. */
export type SessionChange = Partial<
  Pick<
    SessionRow,
    | 'evseId'
    | 'connectorId'
    | 'idTag'
    | 'vehicleId'
    | 'linkSource'
    | 'authorizationStatus'
    | 'startedAt'
    | 'stoppedAt'
    | 'meterStartWh'
    | 'meterStopWh'
    | 'lastRegisterWh'
    | 'lastRegisterAt'
    | 'energyWh'
    | 'registerResets'
    | 'lastSocPercent'
    | 'chargingState'
    | 'stopReason'
    | 'lastSeqNo'
    | 'evDepartureAt'
    | 'evEnergyAmountWh'
    | 'evChargingNeeds'
  >
>;

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<SessionRow | null> {
    return this.dataSource.getRepository(SessionRow).findOne({ where: { id } });
  }

  findByTransaction(chargePointId: string, transactionId: string): Promise<SessionRow | null> {
    return this.dataSource.getRepository(SessionRow).findOne({ where: { chargePointId, transactionId } });
  }

  /** The open session on an EVSE, latest first (NotifyEVChargingNeeds names the EVSE, not the transaction). */
  findOpenOnEvse(chargePointId: string, evseId: number): Promise<SessionRow | null> {
    return this.dataSource
      .getRepository(SessionRow)
      .createQueryBuilder('s')
      .where('s.chargePointId = :chargePointId AND s.evseId = :evseId AND s.stoppedAt IS NULL', {
        chargePointId,
        evseId,
      })
      .orderBy('s.createdAt', 'DESC')
      .getOne();
  }

  /** Open sessions on an EVSE other than `transactionId`'s (ISSUE 14: one active session per connector). */
  openOnEvseExcept(chargePointId: string, evseId: number, transactionId: string): Promise<SessionRow[]> {
    return this.dataSource
      .getRepository(SessionRow)
      .createQueryBuilder('s')
      .where('s.chargePointId = :chargePointId AND s.evseId = :evseId AND s.stoppedAt IS NULL', {
        chargePointId,
        evseId,
      })
      .andWhere('s.transactionId <> :transactionId', { transactionId })
      .getMany();
  }

  /**
   * 1.6 StartTransaction: a new transaction id from the sequence, or the stored session when the same start (connector,
   * idTag, timestamp, meterStart) was seen before, so a retried request gets the same id.
   */
  async startV16(start: V16StartInsert): Promise<{ session: SessionRow; created: boolean }> {
    const inserted: SessionRow[] = await this.dataSource.query(
      `INSERT INTO "ocpp_sessions" ("chargePointId", "chargerId", "siteId", "ocppVersion", "transactionId", "startKey",
         "evseId", "connectorId", "idTag", "vehicleId", "linkSource", "authorizationStatus", "startedAt", "meterStartWh",
         "lastRegisterWh", "lastRegisterAt")
       VALUES ($1, $2, $3, '1.6', nextval('ocpp_v16_transaction_id_seq')::text, $4, $5, $6, $7, $8, $9, $10, $11, $12,
         $12, $11)
       ON CONFLICT ("chargePointId", "startKey") DO NOTHING
       RETURNING *`,
      [
        start.chargePointId,
        start.chargerId,
        start.siteId,
        start.startKey,
        start.evseId,
        start.connectorId,
        start.idTag,
        start.vehicleId,
        start.linkSource,
        start.authorizationStatus,
        start.startedAt,
        start.meterStartWh,
      ],
    );
    if (inserted.length > 0) return { session: this.fromRaw(inserted[0]), created: true };
    const existing = await this.dataSource
      .getRepository(SessionRow)
      .findOneOrFail({ where: { chargePointId: start.chargePointId, startKey: start.startKey } });
    return { session: existing, created: false };
  }

  /** 2.0.1: the session of the station's transaction id, created on the first event seen (any event type). */
  async upsertV201(manager: EntityManager, owner: SessionOwner, transactionId: string): Promise<SessionRow> {
    const rows: SessionRow[] = await manager.query(
      `INSERT INTO "ocpp_sessions" ("chargePointId", "chargerId", "siteId", "ocppVersion", "transactionId")
       VALUES ($1, $2, $3, '2.0.1', $4)
       ON CONFLICT ("chargePointId", "transactionId") DO UPDATE SET "updatedAt" = now()
       RETURNING *`,
      [owner.chargePointId, owner.chargerId, owner.siteId, transactionId],
    );
    return this.fromRaw(rows[0]);
  }

  /** False when this seqNo of the session was stored before (a retried TransactionEvent). */
  async recordSeqNo(
    manager: EntityManager,
    sessionId: string,
    event: { seqNo: number; eventType: string; triggerReason: string; at: Date; offline: boolean },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO "ocpp_transaction_events" ("sessionId", "seqNo", "eventType", "triggerReason", "at", "offline")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING "seqNo"`,
      [sessionId, event.seqNo, event.eventType, event.triggerReason, event.at, event.offline],
    );
    return rows.length > 0;
  }

  async update(id: string, change: SessionChange, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const set = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    if (Object.keys(set).length === 0) return;
    await manager.getRepository(SessionRow).update({ id }, set);
  }

  /** Ends a session once: a retried stop changes nothing. */
  async finish(id: string, change: SessionChange, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const set = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const result = await manager
      .getRepository(SessionRow)
      .createQueryBuilder()
      .update()
      .set(set)
      .where('id = :id AND "stoppedAt" IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Links an unlinked session to a vehicle; false when it is linked already (to this or another vehicle). */
  async linkVehicle(id: string, vehicleId: string, source: SessionLinkSource): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(SessionRow)
      .createQueryBuilder()
      .update()
      .set({ vehicleId, linkSource: source })
      .where('id = :id AND "vehicleId" IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Sessions in progress at a site, latest first, without counting them (the tick's one read). */
  activeAtSite(siteId: string, limit: number): Promise<SessionRow[]> {
    return this.dataSource.getRepository(SessionRow).find({
      where: { siteId, stoppedAt: IsNull() },
      order: { startedAt: { direction: 'DESC', nulls: 'LAST' }, id: 'ASC' },
      take: limit,
    });
  }

  list(filter: SessionFilter, limit: number, offset: number): Promise<[SessionRow[], number]> {
    const query = this.dataSource.getRepository(SessionRow).createQueryBuilder('s');
    if (filter.chargePointId) query.andWhere('s.chargePointId = :chargePointId', filter);
    if (filter.chargerId) query.andWhere('s.chargerId = :chargerId', filter);
    if (filter.siteId) query.andWhere('s.siteId = :siteId', filter);
    if (filter.vehicleId) query.andWhere('s.vehicleId = :vehicleId', filter);
    if (filter.active === true) query.andWhere('s.stoppedAt IS NULL');
    if (filter.active === false) query.andWhere('s.stoppedAt IS NOT NULL');
    if (filter.from) query.andWhere('(s.stoppedAt IS NULL OR s.stoppedAt >= :from)', filter);
    if (filter.to) query.andWhere('COALESCE(s.startedAt, s.createdAt) <= :to', filter);
    return query
      .orderBy('COALESCE(s.startedAt, s.createdAt)', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
  }

  /** Raw RETURNING rows come back without the entity's types: double precision is fine, dates are Dates already. */
  private fromRaw(raw: SessionRow): SessionRow {
    return this.dataSource.getRepository(SessionRow).create(raw);
  }
}
