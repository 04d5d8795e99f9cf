import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HealthReport } from './health.service';

export class DatabaseHealthResponse {
  @ApiProperty() up!: boolean;
  @ApiProperty({ description: 'Embedded PGlite (true) or a PostgreSQL server (false)' }) embedded!: boolean;
  @ApiPropertyOptional({ description: 'Why the database is down, in general words' }) error?: string;
}

export class HealthReportResponse implements HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ type: DatabaseHealthResponse }) database!: DatabaseHealthResponse;
}
