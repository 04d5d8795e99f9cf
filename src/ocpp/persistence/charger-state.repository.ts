import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChargerBootedEvent, OcppVersion } from '@apron/ocpp-model';
import { ChargerStateRow } from './charger-state.entity';

@Injectable()
export class ChargerStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(chargePointId: string): Promise<ChargerStateRow | null> {
    return this.dataSource.getRepository(ChargerStateRow).findOne({ where: { chargePointId } });
  }

  /** Marks the charger connected; returns the answer to its last BootNotification (one round trip per connect). */
  async connected(
    chargePointId: string,
    chargerId: string | null,
    version: OcppVersion,
    at: Date,
  ): Promise<string | null> {
    const rows: { bootStatus: string | null }[] = await this.dataSource.query(
      `INSERT INTO "ocpp_charger_state" ("chargePointId", "chargerId", "online", "ocppVersion", "connectedAt", "lastSeenAt")
       VALUES ($1, $2, true, $3, $4, $4)
       ON CONFLICT ("chargePointId") DO UPDATE SET "chargerId" = $2, "online" = true, "ocppVersion" = $3,
         "connectedAt" = $4, "lastSeenAt" = $4
       RETURNING "bootStatus"`,
      [chargePointId, chargerId, version, at],
    );
    return rows[0]?.bootStatus ?? null;
  }

  async disconnected(chargePointId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ocpp_charger_state" SET "online" = false, "disconnectedAt" = $2, "lastSeenAt" = $2 WHERE "chargePointId" = $1`,
      [chargePointId, at],
    );
  }

  async booted(chargePointId: string, boot: ChargerBootedEvent, status: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ocpp_charger_state" SET "bootStatus" = $2, "vendor" = $3, "model" = $4, "serialNumber" = $5,
         "firmwareVersion" = $6, "bootedAt" = $7, "lastSeenAt" = $7 WHERE "chargePointId" = $1`,
      [chargePointId, status, boot.vendor, boot.model, boot.serialNumber ?? null, boot.firmwareVersion ?? null, at],
    );
  }

  async seen(chargePointId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE "ocpp_charger_state" SET "lastSeenAt" = $2 WHERE "chargePointId" = $1`, [
      chargePointId,
      at,
    ]);
  }

  /** At start-up: no charger is connected to this instance yet (single-instance assumption, DESIGN.md §7). */
  async allOffline(at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE "ocpp_charger_state" SET "online" = false, "disconnectedAt" = $1 WHERE "online" = true`,
      [at],
    );
  }
}
