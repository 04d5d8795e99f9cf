import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageMeta, PageQuery } from '../common/pagination';
import { Site, SITE_KINDS, SiteKind, Tariff, UnknownChargerPolicy, UnknownIdTagPolicy } from './site.entity';
import { SiteFlightRulesDto } from './site-flight-rules.dto';
import { TariffDto } from './tariff.dto';

const FINITE = { allowNaN: false, allowInfinity: false };
export const MAX_GRID_LIMIT_KW = 1_000_000;
/** Per kW of monthly peak in the tariff currency, with the same room for small currency units as prices. */
export const MAX_DEMAND_CHARGE_PER_KW = 10_000_000;

export class CreateSiteDto extends SiteFlightRulesDto {
  @ApiProperty({ example: 'CAN-T2-depot', description: 'Unique operator code' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'code must be 1-64 letters, digits, dot, dash or underscore',
  })
  code!: string;

  @ApiProperty({ example: 'Guangzhou Baiyun T2 remote-stand depot' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: SITE_KINDS })
  @IsIn(SITE_KINDS)
  kind!: SiteKind;

  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA time zone, for time-of-use rules' })
  @IsString()
  timeZone!: string;

  @ApiProperty({ example: 2000, description: 'Grid connection limit, kW' })
  @IsNumber(FINITE)
  @Min(0.001)
  @Max(MAX_GRID_LIMIT_KW)
  gridLimitKw!: number;

  @ApiPropertyOptional({
    example: 150,
    description: 'Non-charging load on the same connection, kW; below gridLimitKw',
    default: 0,
    maximum: MAX_GRID_LIMIT_KW,
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_GRID_LIMIT_KW)
  baseLoadKw?: number;

  @ApiPropertyOptional({
    example: 35,
    description: 'Demand charge per kW of monthly peak, tariff currency',
    default: 0,
    maximum: MAX_DEMAND_CHARGE_PER_KW,
  })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  @Max(MAX_DEMAND_CHARGE_PER_KW)
  demandChargePerKw?: number;

  @ApiProperty({ type: TariffDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TariffDto)
  tariff!: TariffDto;

  @ApiPropertyOptional({ enum: ['reject', 'pending'], default: 'reject', description: 'Unknown charge point ids' })
  @IsOptional()
  @IsIn(['reject', 'pending'])
  unknownChargerPolicy?: UnknownChargerPolicy;

  @ApiPropertyOptional({ enum: ['accept', 'reject'], default: 'reject', description: 'Unknown idTags at chargers' })
  @IsOptional()
  @IsIn(['accept', 'reject'])
  unknownIdTagPolicy?: UnknownIdTagPolicy;

  @ApiPropertyOptional({
    example: 60,
    nullable: true,
    type: 'integer',
    minimum: 5,
    maximum: 3600,
    description: 'Scheduling tick, seconds; default (and null on PATCH) APRON_TICK_SECONDS',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(3600)
  tickSeconds?: number | null;

  @ApiPropertyOptional({
    example: 10,
    default: 0,
    minimum: 0,
    maximum: 120,
    description: "Minutes before a task's start that its vehicles leave the depot; no charging then",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  departureLeadMinutes?: number;
}

export class UpdateSiteDto extends PartialType(CreateSiteDto) {}

export class ListSitesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SITE_KINDS })
  @IsOptional()
  @IsIn(SITE_KINDS)
  kind?: SiteKind;
}

/** The flight rules are in the response too (with their defaults filled in). */
export class SiteResponse extends SiteFlightRulesDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SITE_KINDS }) kind!: SiteKind;
  @ApiProperty() timeZone!: string;
  @ApiProperty() gridLimitKw!: number;
  @ApiProperty() baseLoadKw!: number;
  @ApiProperty() demandChargePerKw!: number;
  @ApiProperty({ type: TariffDto }) tariff!: Tariff;
  @ApiProperty({ enum: ['reject', 'pending'] }) unknownChargerPolicy!: UnknownChargerPolicy;
  @ApiProperty({ enum: ['accept', 'reject'] }) unknownIdTagPolicy!: UnknownIdTagPolicy;
  @ApiProperty({ nullable: true, type: 'integer' }) tickSeconds!: number | null;
  @ApiProperty({ description: "Minutes before a task's start that its vehicles leave the depot; no charging then" })
  departureLeadMinutes!: number;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;

  static from(site: Site): SiteResponse {
    return { ...site };
  }
}

export class SitePage extends PageMeta {
  @ApiProperty({ type: [SiteResponse] }) items!: SiteResponse[];
}
