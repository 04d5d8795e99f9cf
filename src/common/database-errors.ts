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

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Whether an error says the database is out of reach (refused, dropped, timed out, shutting down), not that a query
 * was wrong: the request may well succeed shortly, so it is answered 503 with Retry-After, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as PgError) : (error as PgError | null);
  const code = driver?.code ?? '';
  // SQLSTATE class 08 (connection exception), 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now).
  if (/^08|^57P0[123]$/.test(code) || /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH)$/.test(code))
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Driver not Connected/i.test(
    message,
  );
}
