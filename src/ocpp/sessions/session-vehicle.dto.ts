import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { SessionRow } from '../persistence/session.entity';

export class LinkSessionDto {
  @ApiProperty({ example: 'BUS-07', description: 'Fleet number or vehicle id' })
  @IsString()
  @Length(1, 64)
  vehicle!: string;
}

export class SessionLinkResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() chargePointId!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) connectorId!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) idTag!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) vehicleId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['id-tag', 'evccid', 'manual'] })
  linkSource!: string | null;
  @ApiProperty({ description: 'An idTag no fleet vehicle presents, and no dispatcher linked' }) nonFleet!: boolean;
  @ApiProperty() active!: boolean;

  static from(row: SessionRow): SessionLinkResponse {
    return {
      sessionId: row.id,
      chargePointId: row.chargePointId,
      connectorId: row.evseId,
      idTag: row.idTag,
      vehicleId: row.vehicleId,
      linkSource: row.linkSource,
      nonFleet: row.vehicleId === null && row.idTag !== null,
      active: row.stoppedAt === null,
    };
  }
}
