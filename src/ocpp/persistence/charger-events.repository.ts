import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChargerEventRow } from './message-log.entity';

@Injectable()
export class ChargerEventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(chargePointId: string, type: string, at: Date, payload: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "ocpp_charger_events" ("chargePointId", "type", "at", "payload") VALUES ($1, $2, $3, $4)`,
      [chargePointId, type, at, JSON.stringify(payload)],
    );
  }

  list(chargePointId: string, type: string | undefined, limit: number): Promise<ChargerEventRow[]> {
    return this.dataSource.getRepository(ChargerEventRow).find({
      where: type ? { chargePointId, type } : { chargePointId },
      order: { id: 'DESC' },
      take: limit,
    });
  }
}
