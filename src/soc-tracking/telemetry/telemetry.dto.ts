import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CheckedPerItem } from '../../common/input/checked-per-item';

export const MAX_TELEMETRY_BATCH = 1000;

class TelemetryPosition {
  @ApiProperty({ example: 23.392, description: 'Latitude, degrees (-90–90)' }) lat!: number;
  @ApiProperty({ example: 113.299, description: 'Longitude, degrees (-180–180)' }) lon!: number;
}

/** Documents one reading; readings are checked one by one in telemetry-reading-rules.ts so a bad one costs no other. */
export class TelemetryReadingDoc {
  @ApiProperty({ example: 'BUS-07', description: 'Fleet number or vehicle id' }) vehicle!: string;
  @ApiProperty({
    format: 'date-time',
    example: '2026-11-22T06:00:00Z',
    description: 'ISO-8601 with time zone; not in the future',
  })
  time!: string;
  @ApiProperty({ required: false, example: 64.5, description: 'State of charge, % (0–100)' }) socPercent?: number;
  @ApiProperty({ required: false, example: 12345.6 }) odometerKm?: number;
  @ApiProperty({ required: false, type: TelemetryPosition }) position?: TelemetryPosition;
  @ApiProperty({ required: false, example: 'driving', description: 'Free text from the telematics unit' })
  state?: string;
}

export class TelemetryBatchDto {
  @ApiProperty({ type: [TelemetryReadingDoc], minItems: 1, maxItems: MAX_TELEMETRY_BATCH })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TELEMETRY_BATCH)
  @CheckedPerItem()
  readings!: unknown[];
}

class TelemetryRejection {
  @ApiProperty({ description: 'Position of the reading in the batch' }) index!: number;
  @ApiProperty({ example: 'socPercent' }) field!: string;
  @ApiProperty({ example: 'socPercent must be within 0–100, got 140' }) message!: string;
}

export class TelemetryResultResponse {
  @ApiProperty({ description: 'Readings stored now' }) accepted!: number;
  @ApiProperty({ description: 'Readings already stored for that vehicle and time (ignored)' }) duplicates!: number;
  @ApiProperty({ type: [TelemetryRejection] }) rejected!: TelemetryRejection[];
}
