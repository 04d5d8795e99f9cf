import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SocInputEvent } from '@apron/soc';
import { retryIdempotent } from '../common/retry';
import { SessionPendingEventRow } from './session-pending-event.entity';

/** SoC inputs of sessions not linked to a vehicle yet, handed to the vehicle when a link comes. */
@Injectable()
export class PendingSessionInputsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async add(sessionId: string, inputs: { key: string; event: SocInputEvent }[]): Promise<void> {
    if (inputs.length === 0) return;
    await retryIdempotent(() =>
      this.dataSource
        .createQueryBuilder()
        .insert()
        .into(SessionPendingEventRow)
        .values(inputs.map(({ key, event }) => ({ sessionId, eventKey: key, event })))
        .orIgnore()
        .execute(),
    );
  }

  /** The session's waiting inputs, removed as they are handed out. */
  take(sessionId: string): Promise<SocInputEvent[]> {
    return retryIdempotent(() =>
      this.dataSource.transaction(async (manager) => {
        const rows = await manager.getRepository(SessionPendingEventRow).find({ where: { sessionId } });
        if (rows.length > 0) await manager.getRepository(SessionPendingEventRow).delete({ sessionId });
        return rows.map((row) => row.event);
      }),
    );
  }
}
