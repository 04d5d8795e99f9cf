import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/roles.decorator';

export const DATABASE_INFO = Symbol('DATABASE_INFO');

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: { up: boolean; embedded: boolean; error?: string };
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_INFO) private readonly database: { embedded: boolean },
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database state (no key needed); 503 when the database is down' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const { embedded } = this.database;
    try {
      await this.dataSource.query('SELECT 1');
      return { status: 'ok', database: { up: true, embedded } };
    } catch (error) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'degraded', database: { up: false, embedded, error: (error as Error).message } };
    }
  }
}
