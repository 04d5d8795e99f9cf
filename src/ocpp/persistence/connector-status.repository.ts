import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ConnectorStatusEvent } from '@apron/ocpp-model';
import { ConnectorStatusRow } from './connector-status.entity';

@Injectable()
export class ConnectorStatusRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends to the history; the current status only moves forward in the charger's time (offline queues replay). */
  async record(chargePointId: string, event: ConnectorStatusEvent, at: Date): Promise<void> {
    const values = [
      chargePointId,
      event.evseId,
      event.connectorId,
      event.status,
      event.chargingState ?? null,
      event.rawStatus,
      event.errorCode ?? null,
      at,
    ];
    await this.dataSource.query(
      `INSERT INTO "ocpp_connector_status_history"
         ("chargePointId", "evseId", "connectorId", "status", "chargingState", "rawStatus", "errorCode", "at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      values,
    );
    await this.dataSource.query(
      `INSERT INTO "ocpp_connector_status"
         ("chargePointId", "evseId", "connectorId", "status", "chargingState", "rawStatus", "errorCode", "at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("chargePointId", "evseId", "connectorId") DO UPDATE SET "status" = $4, "chargingState" = $5,
         "rawStatus" = $6, "errorCode" = $7, "at" = $8
       WHERE "ocpp_connector_status"."at" <= $8`,
      values,
    );
  }

  current(chargePointId: string): Promise<ConnectorStatusRow[]> {
    return this.dataSource
      .getRepository(ConnectorStatusRow)
      .find({ where: { chargePointId }, order: { evseId: 'ASC', connectorId: 'ASC' } });
  }

  /** Current statuses of many chargers' connectors, in one read. */
  currentOf(chargePointIds: string[]): Promise<ConnectorStatusRow[]> {
    if (chargePointIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ConnectorStatusRow)
      .find({ where: { chargePointId: In(chargePointIds) }, order: { evseId: 'ASC', connectorId: 'ASC' } });
  }
}
