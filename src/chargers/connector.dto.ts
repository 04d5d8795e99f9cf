import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsPositive, Max, Min } from 'class-validator';

export class ConnectorDto {
  @ApiProperty({ example: 1, description: 'OCPP 1.6 connectorId / 2.0.1 evseId, unique within the charger' })
  @IsInt()
  @Min(1)
  @Max(1000)
  connectorId!: number;

  @ApiProperty({ example: 150, description: 'Connector limit, kW; at most the charger maxKw', maximum: 10_000 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(10_000)
  maxKw!: number;
}
