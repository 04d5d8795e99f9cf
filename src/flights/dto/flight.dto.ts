import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ArrayMaxSize,
  IsArray,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Flight, FLIGHT_STATUSES } from '../persistence/flight.entity';
import { delayMinutes, FileWarning, STAND_KINDS, StandKind } from '@apron/flights';

const FINITE = { allowNaN: false, allowInfinity: false };

export class FlightResponse {
  @ApiProperty() id!: string;
  @ApiProperty() carrier!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ format: 'date', example: '2026-12-08' }) operatingDate!: string;
  @ApiProperty({ enum: ['arrival', 'departure'] }) direction!: string;
  @ApiProperty({ format: 'date-time' }) scheduledTime!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) estimatedTime!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) actualTime!: string | null;
  @ApiProperty({ nullable: true, type: String }) stand!: string | null;
  @ApiProperty({ nullable: true, type: Number }) passengers!: number | null;
  @ApiProperty({ nullable: true, type: String }) aircraftType!: string | null;
  @ApiProperty({ enum: FLIGHT_STATUSES }) status!: string;
  @ApiProperty({ description: 'Minutes the in-/off-block milestone is after the schedule' }) delayMinutes!: number;
  @ApiProperty({ type: [String] }) taskIds!: string[];

  static from(flight: Flight, taskIds: string[]): FlightResponse {
    return {
      id: flight.id,
      carrier: flight.carrier,
      number: flight.number,
      operatingDate: flight.operatingDate,
      direction: flight.direction,
      scheduledTime: flight.scheduledTime.toISOString(),
      estimatedTime: flight.estimatedTime?.toISOString() ?? null,
      actualTime: flight.actualTime?.toISOString() ?? null,
      stand: flight.stand,
      passengers: flight.passengers,
      aircraftType: flight.aircraftType,
      status: flight.status,
      delayMinutes: delayMinutes(flight),
      taskIds,
    };
  }
}

export class FileWarningResponse {
  @ApiProperty() line!: number;
  @ApiProperty() message!: string;
}

export class ImportSummaryResponse {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty() cancelled!: number;
  @ApiProperty({ type: [FileWarningResponse] }) warnings!: FileWarning[];
}

export class FlightUpdatesResponse {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [FileWarningResponse], description: '`line` is the index of the update in the batch' })
  warnings!: FileWarning[];
  @ApiProperty({ type: [FlightResponse] }) flights!: FlightResponse[];
}

export class ScheduleQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-08',
    description: 'First operating date to expand (inclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-08',
    description: 'Last operating date to expand (inclusive)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

export class FlightListQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-08T00:00:00+08:00',
    description: 'Flights scheduled at or after',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-09T00:00:00+08:00',
    description: 'Flights scheduled before',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class StandDto {
  @ApiProperty({ example: 'R201' })
  @Length(1, 16)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'id must be letters, digits, dot, dash or underscore' })
  id!: string;

  @ApiProperty({ enum: STAND_KINDS })
  @IsIn(STAND_KINDS)
  kind!: StandKind;

  @ApiProperty({ example: 6, description: 'Bus minutes one way between the stand and the terminal/depot' })
  @IsInt()
  @Min(0)
  @Max(120)
  busMinutesOneWay!: number;

  @ApiProperty({ example: 2.4, description: 'Km one way' })
  @IsNumber(FINITE)
  @Min(0)
  @Max(100)
  distanceKmOneWay!: number;
}

export class StandsDto {
  @ApiProperty({ type: [StandDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => StandDto)
  stands!: StandDto[];
}
