import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VehicleEvccidRow } from './vehicle-evccid.entity';

@Injectable()
export class VehicleEvccidsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async vehicleOf(evccid: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(VehicleEvccidRow).findOne({ where: { evccid } });
    return row?.vehicleId ?? null;
  }

  /** Registers (or moves) an EVCCID to a vehicle. */
  async assign(evccid: string, vehicleId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "vehicle_evccids" ("evccid", "vehicleId") VALUES ($1, $2)
       ON CONFLICT ("evccid") DO UPDATE SET "vehicleId" = EXCLUDED."vehicleId"`,
      [evccid, vehicleId],
    );
  }

  async listFor(vehicleId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(VehicleEvccidRow)
      .find({ where: { vehicleId }, order: { evccid: 'ASC' } });
    return rows.map((row) => row.evccid);
  }
}
