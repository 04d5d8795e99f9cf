import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TOU_BANDS, TouBand } from './site.entity';

/** Per kWh in the tariff currency: room for currencies with small units (IDR, VND charge thousands per kWh). */
export const MAX_PRICE_PER_KWH = 100_000;

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class PriceStepDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-11-22T00:00:00Z',
    description: 'Price holds from here until the next step',
  })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: 0.28, description: 'Price per kWh in the tariff currency', maximum: MAX_PRICE_PER_KWH })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_PRICE_PER_KWH)
  pricePerKwh!: number;
}

export class TimeOfUseRuleDto {
  @ApiProperty({ enum: TOU_BANDS })
  @IsIn(TOU_BANDS)
  band!: TouBand;

  @ApiProperty({ example: '10:00', description: 'Local time HH:MM' })
  @Matches(LOCAL_TIME, { message: 'startLocal must be a local time HH:MM' })
  startLocal!: string;

  @ApiProperty({ example: '12:00', description: 'Local time HH:MM; earlier than startLocal wraps past midnight' })
  @Matches(LOCAL_TIME, { message: 'endLocal must be a local time HH:MM' })
  endLocal!: string;

  @ApiProperty({ example: 1.02, description: 'Price per kWh in the tariff currency', maximum: MAX_PRICE_PER_KWH })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_PRICE_PER_KWH)
  pricePerKwh!: number;

  @ApiPropertyOptional({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays 1-7; empty means every day' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[];
}

export class TariffDto {
  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY or EUR' })
  currency!: string;

  @ApiPropertyOptional({ type: [PriceStepDto], description: 'Explicit prices; they win over time-of-use rules' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10000)
  @ValidateNested({ each: true })
  @Type(() => PriceStepDto)
  steps: PriceStepDto[] = [];

  @ApiPropertyOptional({ type: [TimeOfUseRuleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TimeOfUseRuleDto)
  timeOfUse: TimeOfUseRuleDto[] = [];
}
