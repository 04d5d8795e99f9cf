import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { FLIGHT_STATUSES, FlightStatus } from '../persistence/flight.entity';
import { FLIGHT_DIRECTIONS, FlightDirection } from '@apron/flights';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = 'must be an ISO-8601 date-time with an offset, e.g. 2026-12-08T07:30:00+08:00';

function Instant(): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true }, { message: `$property ${INSTANT_MESSAGE}` })(target, key);
    Matches(INSTANT, { message: `$property ${INSTANT_MESSAGE}` })(target, key);
  };
}

/** §8 Flight: the key (carrier, number, operatingDate, direction) and the fields to change; absent ones stay. */
export class FlightUpdateDto {
  @ApiProperty({ example: 'CZ' })
  @Matches(/^[A-Z0-9]{2,3}$/, { message: 'carrier must be a 2-3 character airline code' })
  carrier!: string;

  @ApiProperty({ example: '3101' })
  @Matches(/^\d{1,4}[A-Z]?$/, { message: 'number must be 1-4 digits with an optional suffix letter' })
  number!: string;

  @ApiProperty({ format: 'date', example: '2026-12-08' })
  @IsISO8601({ strict: true }, { message: 'operatingDate must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'operatingDate must be a date YYYY-MM-DD' })
  operatingDate!: string;

  @ApiProperty({ enum: FLIGHT_DIRECTIONS })
  @IsIn(FLIGHT_DIRECTIONS)
  direction!: FlightDirection;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-08T07:30:00+08:00',
    description: 'STA (arrival) or STD (departure)',
  })
  @IsOptional()
  @Instant()
  scheduledTime?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-12-08T08:10:00+08:00', nullable: true, type: String })
  @IsOptional()
  @Instant()
  estimatedTime?: string | null;

  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Actual in-block / off-block',
  })
  @IsOptional()
  @Instant()
  actualTime?: string | null;

  @ApiPropertyOptional({ example: 'R201', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, 16)
  stand?: string | null;

  @ApiPropertyOptional({ example: 172, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  passengers?: number | null;

  @ApiPropertyOptional({ example: '321', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @Length(1, 8)
  aircraftType?: string | null;

  @ApiPropertyOptional({ enum: FLIGHT_STATUSES })
  @IsOptional()
  @IsIn(FLIGHT_STATUSES)
  status?: FlightStatus;
}

export class FlightUpdatesDto {
  @ApiProperty({ type: [FlightUpdateDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => FlightUpdateDto)
  flights!: FlightUpdateDto[];
}
