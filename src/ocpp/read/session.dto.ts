import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination';
import { QueryBoolean } from '../../common/query-booleans';
import { MeterSampleRow } from '../persistence/meter-sample.entity';
import { SessionRow } from '../persistence/session.entity';

export class TimeRangeQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'ISO-8601; from this time on' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ description: 'ISO-8601; up to this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class ListSessionsQuery extends TimeRangeQuery {
  @ApiPropertyOptional({ description: 'The charger (uuid)' })
  @IsOptional()
  @IsUUID()
  chargerId?: string;

  @ApiPropertyOptional({ description: 'The charger by its OCPP identity' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  chargePointId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  vehicleId?: string;

  @ApiPropertyOptional({ description: 'true: only open sessions; false: only ended ones' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class SessionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() chargePointId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) chargerId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) siteId!: string | null;
  @ApiProperty({ enum: ['1.6', '2.0.1'] }) ocppVersion!: string;
  @ApiProperty({ description: '1.6: assigned by Apron; 2.0.1: the station’s' }) transactionId!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) evseId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) connectorId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) idTag!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) vehicleId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) authorizationStatus!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) stoppedAt!: string | null;
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) meterStartWh!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) meterStopWh!: number | null;
  @ApiProperty({ description: 'Counted from the import register; resets are not counted' }) energyWh!: number;
  @ApiProperty() registerResets!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) lastSocPercent!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) chargingState!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) stopReason!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) evDepartureAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) evEnergyAmountWh!: number | null;

  static from(row: SessionRow): SessionResponse {
    return {
      id: row.id,
      chargePointId: row.chargePointId,
      chargerId: row.chargerId,
      siteId: row.siteId,
      ocppVersion: row.ocppVersion,
      transactionId: row.transactionId,
      evseId: row.evseId,
      connectorId: row.connectorId,
      idTag: row.idTag,
      vehicleId: row.vehicleId,
      authorizationStatus: row.authorizationStatus,
      startedAt: row.startedAt?.toISOString() ?? null,
      stoppedAt: row.stoppedAt?.toISOString() ?? null,
      active: row.stoppedAt === null,
      meterStartWh: row.meterStartWh,
      meterStopWh: row.meterStopWh,
      energyWh: row.energyWh,
      registerResets: row.registerResets,
      lastSocPercent: row.lastSocPercent,
      chargingState: row.chargingState,
      stopReason: row.stopReason,
      evDepartureAt: row.evDepartureAt?.toISOString() ?? null,
      evEnergyAmountWh: row.evEnergyAmountWh,
    };
  }
}

export class SessionPage extends PageMeta {
  @ApiProperty({ type: [SessionResponse] }) items!: SessionResponse[];
}

export class MeterSampleResponse {
  @ApiProperty({ format: 'date-time' }) sampledAt!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) evseId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sessionId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) context!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) energyWh!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) powerW!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) socPercent!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) currentA!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) voltageV!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) powerOfferedW!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) currentOfferedA!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) energyExportWh!: number | null;

  static from(row: MeterSampleRow): MeterSampleResponse {
    return {
      sampledAt: row.sampledAt.toISOString(),
      evseId: row.evseId,
      sessionId: row.sessionId,
      context: row.context,
      energyWh: row.energyWh,
      powerW: row.powerW,
      socPercent: row.socPercent,
      currentA: row.currentA,
      voltageV: row.voltageV,
      powerOfferedW: row.powerOfferedW,
      currentOfferedA: row.currentOfferedA,
      energyExportWh: row.energyExportWh,
    };
  }
}

export class MeterSamplePage extends PageMeta {
  @ApiProperty({ type: [MeterSampleResponse] }) items!: MeterSampleResponse[];
}
