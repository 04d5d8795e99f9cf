import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { SocInputEvent } from '@apron/soc';
import { valuesPlaceholders } from '../../database/values-placeholders';
import { retryIdempotent } from '../common/retry';
import { FleetSessionRow } from './fleet-session.entity';
import { SessionPendingEventRow } from './session-pending-event.entity';

// A VALUES list carries no column types: each parameter is cast so PostgreSQL does not take it for text.
const CHECKPOINT_CASTS = ['uuid', 'double precision', 'timestamptz'];

export interface RegisterCheckpoint {
  sessionId: string;
  lastRegisterWh: number;
  lastRegisterAt: Date;
}

@Injectable()
export class FleetSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get sessions() {
    return this.dataSource.getRepository(FleetSessionRow);
  }

  find(sessionId: string): Promise<FleetSessionRow | null> {
    return retryIdempotent(() => this.sessions.findOne({ where: { sessionId } }));
  }

  /** Insert or overwrite, in one statement (a session's rows are written by one queue job at a time). */
  async save(row: FleetSessionRow): Promise<void> {
    await retryIdempotent(() =>
      this.dataSource
        .createQueryBuilder()
        .insert()
        .into(FleetSessionRow)
        .values({ ...row })
        .orUpdate(
          [
            'chargePointId',
            'siteId',
            'evseId',
            'idTag',
            'vehicleId',
            'linkSource',
            'nonFleet',
            'startedAt',
            'endedAt',
            'lastRegisterWh',
            'lastRegisterAt',
          ],
          ['sessionId'],
        )
        .execute(),
    );
  }

  /**
   * Moves sessions' register checkpoints forward in one statement. The guard on the timestamp makes a late or repeated
   * write harmless: it can never move a checkpoint back past a newer one written by save().
   */
  async advanceRegisters(checkpoints: RegisterCheckpoint[]): Promise<void> {
    if (checkpoints.length === 0) return;
    const params = checkpoints.flatMap((c) => [c.sessionId, c.lastRegisterWh, c.lastRegisterAt]);
    const values = valuesPlaceholders(checkpoints.length, CHECKPOINT_CASTS.length, CHECKPOINT_CASTS);
    await retryIdempotent(() =>
      this.dataSource.query(
        `UPDATE "fleet_sessions" AS s SET "lastRegisterWh" = v.wh, "lastRegisterAt" = v.at
         FROM (VALUES ${values}) AS v(id, wh, at)
         WHERE s."sessionId" = v.id AND (s."lastRegisterAt" IS NULL OR s."lastRegisterAt" < v.at)`,
        params,
      ),
    );
  }

  /** Open sessions linked to these vehicles: where each one is plugged in. */
  openForVehicles(vehicleIds: string[]): Promise<FleetSessionRow[]> {
    if (vehicleIds.length === 0) return Promise.resolve([]);
    return this.sessions.find({
      where: { vehicleId: In(vehicleIds), endedAt: IsNull() },
      order: { startedAt: 'DESC' },
    });
  }

  /** Open sessions at a site that fleet state linked to a vehicle. */
  async openLinkedAtSite(siteId: string): Promise<FleetSessionRow[]> {
    return this.sessions.find({ where: { siteId, endedAt: IsNull(), vehicleId: Not(IsNull()) } });
  }

  /** Sessions of a vehicle overlapping [from, to] (it was plugged in then). */
  async vehiclePluggedBetween(vehicleId: string, from: Date, to: Date): Promise<boolean> {
    const count = await this.sessions
      .createQueryBuilder('s')
      .where('s.vehicleId = :vehicleId', { vehicleId })
      .andWhere('COALESCE(s.startedAt, :from) <= :to', { from, to })
      .andWhere('(s.endedAt IS NULL OR s.endedAt >= :from)', { from })
      .getCount();
    return count > 0;
  }

  async addPending(sessionId: string, events: { key: string; event: SocInputEvent }[]): Promise<void> {
    if (events.length === 0) return;
    await retryIdempotent(() =>
      this.dataSource
        .createQueryBuilder()
        .insert()
        .into(SessionPendingEventRow)
        .values(events.map(({ key, event }) => ({ sessionId, eventKey: key, event })))
        .orIgnore()
        .execute(),
    );
  }

  /** The pending inputs of a session, removed as they are handed out. */
  async takePending(sessionId: string): Promise<SocInputEvent[]> {
    return retryIdempotent(() =>
      this.dataSource.transaction(async (manager) => {
        const rows = await manager.getRepository(SessionPendingEventRow).find({ where: { sessionId } });
        await manager.getRepository(SessionPendingEventRow).delete({ sessionId });
        return rows.map((row) => row.event);
      }),
    );
  }
}
