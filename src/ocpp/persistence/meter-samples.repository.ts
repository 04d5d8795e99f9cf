import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { valuesPlaceholders } from '../../database/values-placeholders';
import { MeterSampleRow } from './meter-sample.entity';

export interface MeterSampleInsert {
  chargePointId: string;
  evseId: number | null;
  sessionId: string | null;
  sampledAt: Date;
  context: string | null;
  energyWh: number | null;
  energyExportWh: number | null;
  powerW: number | null;
  powerOfferedW: number | null;
  socPercent: number | null;
  currentA: number | null;
  currentOfferedA: number | null;
  voltageV: number | null;
  implausible: string | null;
}

const COLUMNS: (keyof MeterSampleInsert)[] = [
  'chargePointId',
  'evseId',
  'sessionId',
  'sampledAt',
  'context',
  'energyWh',
  'energyExportWh',
  'powerW',
  'powerOfferedW',
  'socPercent',
  'currentA',
  'currentOfferedA',
  'voltageV',
  'implausible',
];

/** A session's energy counter as the in-memory tracker holds it, written with the samples. */
export interface SessionEnergyUpdate {
  sessionId: string;
  energyWh: number;
  lastRegisterWh: number | null;
  lastRegisterAt: Date | null;
  registerResets: number;
  lastSocPercent: number | null;
}

// A VALUES list carries no column types: each parameter is cast so PostgreSQL does not take it for text.
const ENERGY_CASTS = ['uuid', 'double precision', 'double precision', 'timestamptz', 'integer', 'double precision'];

export interface SampleRange {
  from?: Date;
  to?: Date;
}

@Injectable()
export class MeterSamplesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Samples and the session counters they moved, in one transaction: a batch that fails is retried whole, so neither
   * half may land without the other (duplicate sample rows, or a counter that is lost).
   */
  async writeBatch(rows: MeterSampleInsert[], energy: SessionEnergyUpdate[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.insertMany(rows, manager);
      await this.updateSessionEnergy(energy, manager);
    });
  }

  private async insertMany(rows: MeterSampleInsert[], manager: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    const params = rows.flatMap((row) => COLUMNS.map((column) => row[column]));
    const columns = COLUMNS.map((c) => `"${c}"`).join(', ');
    await manager.query(
      // A reading sent again (a retried message) is already stored: UQ_ocpp_meter_samples_reading.
      `INSERT INTO "ocpp_meter_samples" (${columns}) VALUES ${valuesPlaceholders(rows.length, COLUMNS.length)}
       ON CONFLICT DO NOTHING`,
      params,
    );
  }

  /** Only sessions still open: the final values written at the end of a session win over a late batch. */
  private async updateSessionEnergy(updates: SessionEnergyUpdate[], manager: EntityManager): Promise<void> {
    if (updates.length === 0) return;
    const params = updates.flatMap((u) => [
      u.sessionId,
      u.energyWh,
      u.lastRegisterWh,
      u.lastRegisterAt,
      u.registerResets,
      u.lastSocPercent,
    ]);
    await manager.query(
      `UPDATE "ocpp_sessions" AS s SET "energyWh" = v.e, "lastRegisterWh" = v.r, "lastRegisterAt" = v.t,
         "registerResets" = v.n, "lastSocPercent" = COALESCE(v.soc, s."lastSocPercent"), "updatedAt" = now()
       FROM (VALUES ${valuesPlaceholders(updates.length, ENERGY_CASTS.length, ENERGY_CASTS)}) AS v(id, e, r, t, n, soc)
       WHERE s."id" = v.id AND s."stoppedAt" IS NULL`,
      params,
    );
  }

  /** Each EVSE's latest plausible power reading since `since` (EVSE 0 / null: the whole charger's meter), in W. */
  async latestPowerW(
    chargePointIds: string[],
    since: Date,
  ): Promise<{ chargePointId: string; evseId: number | null; powerW: number }[]> {
    const rows: { chargePointId: string; evseId: number | null; powerW: number }[] = await this.dataSource.query(
      `SELECT DISTINCT ON ("chargePointId", COALESCE("evseId", -1)) "chargePointId", "evseId", "powerW"
         FROM "ocpp_meter_samples"
        WHERE "chargePointId" = ANY($1) AND "sampledAt" >= $2 AND "powerW" IS NOT NULL AND "implausible" IS NULL
        ORDER BY "chargePointId", COALESCE("evseId", -1), "sampledAt" DESC, "id" DESC`,
      [chargePointIds, since],
    );
    return rows.map((row) => ({ ...row, powerW: Number(row.powerW) }));
  }

  list(
    where: { sessionId?: string; chargePointId?: string },
    range: SampleRange,
    limit: number,
    offset: number,
  ): Promise<[MeterSampleRow[], number]> {
    const filter: FindOptionsWhere<MeterSampleRow> = { ...where };
    if (range.from && range.to) filter.sampledAt = Between(range.from, range.to);
    else if (range.from) filter.sampledAt = MoreThanOrEqual(range.from);
    else if (range.to) filter.sampledAt = LessThanOrEqual(range.to);
    return this.dataSource
      .getRepository(MeterSampleRow)
      .findAndCount({ where: filter, order: { sampledAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
  }
}
