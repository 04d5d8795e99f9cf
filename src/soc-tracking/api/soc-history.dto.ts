import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/pagination';
import { SocHistoryRow } from '../persistence/soc-history.entity';

export class SocHistoryQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-22T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-23T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class SocHistoryPointResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['charger', 'telematics', 'energy', 'task'] }) source!: string;
  @ApiProperty({ description: 'Estimate right after this input, %' }) socPercent!: number;
  @ApiProperty() uncertaintyPercent!: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The direct reading itself' })
  readingPercent!: number | null;

  static from(row: SocHistoryRow): SocHistoryPointResponse {
    return {
      at: row.at.toISOString(),
      source: row.source,
      socPercent: row.socPercent,
      uncertaintyPercent: row.uncertaintyPercent,
      readingPercent: row.readingPercent,
    };
  }
}

export class SocHistoryPage extends PageMeta {
  @ApiProperty({ type: [SocHistoryPointResponse] }) items!: SocHistoryPointResponse[];
}
