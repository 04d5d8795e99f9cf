import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination';
import { Charger, CurrentType } from './charger.entity';
import { ConnectorDto } from './connector.dto';

export const CURRENT_TYPES: readonly CurrentType[] = ['AC', 'DC'];
export const MAX_CONNECTORS = 64;
export const MAX_CHARGER_KW = 10_000;
const FINITE = { allowNaN: false, allowInfinity: false };

// OCPP-J: the identity is a URL path segment and the basic-auth user name, so no '/' and no ':'.
const CHARGE_POINT_ID = /^[\x21-\x2e\x30-\x39\x3b-\x7e]{1,48}$/;

export class CreateChargerDto {
  @ApiProperty({ example: 'CAN-T2-CP01', description: 'OCPP identity: 1-48 printable characters, no ":" or "/"' })
  @Matches(CHARGE_POINT_ID, {
    message: 'chargePointId must be 1-48 printable ASCII characters without spaces, ":" or "/"',
  })
  chargePointId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  siteId!: string;

  @ApiProperty({ enum: CURRENT_TYPES })
  @IsIn(CURRENT_TYPES)
  currentType!: CurrentType;

  @ApiPropertyOptional({ enum: [1, 3], nullable: true, type: Number, description: 'AC only (required for AC)' })
  @IsOptional()
  @IsIn([1, 3])
  phases?: number | null;

  @ApiPropertyOptional({ example: 230, nullable: true, type: Number, description: 'AC only (required for AC), V' })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(100)
  @Max(480)
  voltageV?: number | null;

  @ApiProperty({ example: 240, description: 'Charger limit, kW', maximum: MAX_CHARGER_KW })
  @IsNumber(FINITE)
  @IsPositive()
  @Max(MAX_CHARGER_KW)
  maxKw!: number;

  @ApiPropertyOptional({ type: [ConnectorDto], description: 'The connectors; or give connectorCount instead' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CONNECTORS)
  @ValidateNested({ each: true })
  @Type(() => ConnectorDto)
  connectors?: ConnectorDto[];

  @ApiPropertyOptional({ example: 2, description: 'Shorthand for connectors 1..N, instead of connectors' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CONNECTORS)
  connectorCount?: number;

  @ApiPropertyOptional({
    example: 150,
    description: 'With connectorCount: each connector limit, kW (default maxKw)',
    maximum: MAX_CHARGER_KW,
  })
  @IsOptional()
  @IsNumber(FINITE)
  @IsPositive()
  @Max(MAX_CHARGER_KW)
  maxKwPerConnector?: number;

  // OCPP 2.0.1 A00.FR.205 and the 1.6 security whitepaper: 16 to 40 characters.
  @ApiPropertyOptional({
    minLength: 16,
    maxLength: 40,
    nullable: true,
    type: String,
    description: 'OCPP basic-auth password; stored hashed, never returned. PATCH null removes it',
  })
  @IsOptional()
  @IsString()
  @Length(16, 40)
  password?: string | null;
}

export class UpdateChargerDto extends PartialType(CreateChargerDto) {}

export class ListChargersQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  siteId?: string;

  @ApiPropertyOptional({ enum: CURRENT_TYPES })
  @IsOptional()
  @IsIn(CURRENT_TYPES)
  currentType?: CurrentType;
}

export class ConnectorResponse {
  @ApiProperty() connectorId!: number;
  @ApiProperty() maxKw!: number;
}

export class ChargerResponse {
  @ApiProperty() id!: string;
  @ApiProperty() chargePointId!: string;
  @ApiProperty() siteId!: string;
  @ApiProperty({ enum: CURRENT_TYPES }) currentType!: CurrentType;
  @ApiProperty({ nullable: true, type: Number }) phases!: number | null;
  @ApiProperty({ nullable: true, type: Number }) voltageV!: number | null;
  @ApiProperty() maxKw!: number;
  @ApiProperty({ type: [ConnectorResponse] }) connectors!: ConnectorResponse[];
  @ApiProperty({ description: 'Whether an OCPP basic-auth password is set' }) hasPassword!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  /** Field by field, so the password hash can never slip into a response. */
  static from(charger: Charger): ChargerResponse {
    return {
      id: charger.id,
      chargePointId: charger.chargePointId,
      siteId: charger.siteId,
      currentType: charger.currentType,
      phases: charger.phases,
      voltageV: charger.voltageV,
      maxKw: charger.maxKw,
      connectors: charger.connectors.map(({ connectorId, maxKw }) => ({ connectorId, maxKw })),
      hasPassword: charger.passwordHash != null,
      version: charger.version,
      createdAt: charger.createdAt,
      updatedAt: charger.updatedAt,
    };
  }
}

export class ChargerPage extends PageMeta {
  @ApiProperty({ type: [ChargerResponse] }) items!: ChargerResponse[];
}
