import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ConnectorStateResponse {
  @ApiProperty() evseId!: number;
  @ApiProperty() connectorId!: number;
  @ApiProperty({ enum: ['Available', 'Occupied', 'Reserved', 'Unavailable', 'Faulted'] }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) chargingState!: string | null;
  @ApiProperty() rawStatus!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) errorCode!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ConnectionStateResponse {
  @ApiProperty() chargePointId!: string;
  @ApiProperty() online!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) ocppVersion!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: ['Accepted', 'Pending', 'Rejected'] })
  bootStatus!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) vendor!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) model!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) firmwareVersion!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) lastSeenAt!: string | null;
  @ApiProperty({ type: [ConnectorStateResponse] }) connectors!: ConnectorStateResponse[];
}
