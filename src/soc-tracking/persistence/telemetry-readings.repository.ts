import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TelemetryReadingRow } from './telemetry-reading.entity';

export type TelemetryReadingInsert = Omit<TelemetryReadingRow, 'receivedAt'>;

@Injectable()
export class TelemetryReadingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the readings not stored before (per vehicle and time); returns the new ones' "vehicleId@ISO" keys. */
  async insertNew(readings: TelemetryReadingInsert[]): Promise<Set<string>> {
    if (readings.length === 0) return new Set();
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TelemetryReadingRow)
      .values(readings)
      .orIgnore()
      .returning(['vehicleId', 'at'])
      .execute();
    const rows = result.raw as { vehicleId: string; at: Date }[];
    return new Set(rows.map((row) => `${row.vehicleId}@${new Date(row.at).toISOString()}`));
  }
}
