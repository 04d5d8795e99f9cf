import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const CHECK_VIOLATION = '23514';

/**
 * Turns constraint violations the database caught into clear HTTP answers (409 for duplicates and
 * references, 400 for checks), so a race between two requests never surfaces as a 500.
 */
@Catch(QueryFailedError)
export class DatabaseErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DatabaseErrorFilter.name);

  catch(exception: QueryFailedError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const pg = exception.driverError as PgError;
    const [status, message] = this.describe(pg);
    if (status === HttpStatus.INTERNAL_SERVER_ERROR) this.logger.error(exception.message, exception.stack);
    response.status(status).json({ statusCode: status, error: HttpStatus[status], message });
  }

  private describe(pg: PgError): [HttpStatus, string] {
    switch (pg.code) {
      case UNIQUE_VIOLATION:
        return [HttpStatus.CONFLICT, `Already exists: ${this.detail(pg)}`];
      case FOREIGN_KEY_VIOLATION:
        return [HttpStatus.CONFLICT, `Conflicts with related records: ${this.detail(pg)}`];
      case CHECK_VIOLATION:
        return [HttpStatus.BAD_REQUEST, `Invalid values: ${this.detail(pg)}`];
      default:
        return [HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error'];
    }
  }

  private detail(pg: PgError): string {
    return (pg.detail ?? pg.constraint ?? 'constraint violated').replace(/"/g, '');
  }
}
