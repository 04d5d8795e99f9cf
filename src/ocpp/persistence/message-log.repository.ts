import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { valuesPlaceholders } from '../../database/values-placeholders';
import { MessageLogRow } from './message-log.entity';

export interface MessageLogInsert {
  chargePointId: string;
  direction: 'in' | 'out';
  frame: string;
  at: Date;
}

@Injectable()
export class MessageLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertMany(rows: MessageLogInsert[]): Promise<void> {
    if (rows.length === 0) return;
    const params = rows.flatMap((row) => [row.chargePointId, row.direction, row.frame, row.at]);
    await this.dataSource.query(
      `INSERT INTO "ocpp_message_log" ("chargePointId", "direction", "frame", "at") VALUES ${valuesPlaceholders(rows.length, 4)}`,
      params,
    );
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result: unknown = await this.dataSource.query(`DELETE FROM "ocpp_message_log" WHERE "at" < $1`, [cutoff]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  list(chargePointId: string, limit: number): Promise<MessageLogRow[]> {
    return this.dataSource
      .getRepository(MessageLogRow)
      .find({ where: { chargePointId }, order: { id: 'DESC' }, take: limit });
  }
}
