import { HttpStatus } from '@nestjs/common';
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
 * Constraint violations the database caught, as clear HTTP answers (409 for duplicates and references, 400 for
 * checks), so a race between two requests never surfaces as a 500; undefined for any other database error.
 */
export function describeDatabaseError(error: QueryFailedError): { status: HttpStatus; message: string } | undefined {
  const pg = error.driverError as PgError;
  const detail = (pg.detail ?? pg.constraint ?? 'constraint violated').replace(/"/g, '');
  switch (pg.code) {
    case UNIQUE_VIOLATION:
      return { status: HttpStatus.CONFLICT, message: `Already exists: ${detail}` };
    case FOREIGN_KEY_VIOLATION:
      return { status: HttpStatus.CONFLICT, message: `Conflicts with related records: ${detail}` };
    case CHECK_VIOLATION:
      return { status: HttpStatus.BAD_REQUEST, message: `Invalid values: ${detail}` };
    default:
      return undefined;
  }
}
