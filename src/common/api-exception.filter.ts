import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { describeDatabaseError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-errors';
import { FieldError } from './field-errors';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  fields?: FieldError[];
  [key: string]: unknown;
}

/** What Express's body parser throws (the http-errors shape): a status and whether its message may be shown. */
interface BodyParserError {
  status: number;
  expose?: boolean;
  type?: string;
  message: string;
}

/**
 * The one exception filter: every error becomes a clear HTTP answer, every 400 carries `fields`, and an unexpected
 * error is logged with its message and stack (and answered 500 without either).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionsHandler');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body = this.bodyOf(exception, request);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE)
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private bodyOf(exception: unknown, request: Request): ErrorBody {
    if (exception instanceof HttpException) return this.withFields(this.httpBody(exception), request);
    if (exception instanceof QueryFailedError) {
      const known = describeDatabaseError(exception);
      if (known) return this.withFields(plain(known.status, known.message), request);
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`${request.method} ${request.path}: database unavailable: ${(exception as Error).message}`);
      return plain(HttpStatus.SERVICE_UNAVAILABLE, 'the database is unavailable; try again shortly');
    }
    if (isBodyParserError(exception)) {
      const message = exception.expose === false ? (STATUS_CODES[exception.status] ?? 'Error') : exception.message;
      const described =
        exception.type === 'entity.parse.failed' ? `body is not valid JSON: ${message}` : `body: ${message}`;
      return this.withFields(plain(exception.status, described), request, 'body');
    }
    const error = exception instanceof Error ? exception : new Error(`non-Error thrown: ${String(exception)}`);
    this.logger.error(`${request.method} ${request.path}: ${error.message}`, error.stack);
    return plain(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  private httpBody(exception: HttpException): ErrorBody {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return plain(status, response);
    const body = response as Partial<ErrorBody>;
    return {
      ...body,
      statusCode: status,
      error: body.error ?? HttpStatus[status] ?? 'Error',
      message: body.message ?? exception.message,
    };
  }

  /** A 400 raised outside our validation (a built-in pipe, the body parser) gets the documented `fields` list too. */
  private withFields(body: ErrorBody, request: Request, field?: string): ErrorBody {
    if (body.statusCode !== HttpStatus.BAD_REQUEST || Array.isArray(body.fields)) return body;
    const messages = Array.isArray(body.message) ? body.message : [body.message];
    return { ...body, fields: [{ field: field ?? guessField(body.message, request), messages }] };
  }
}

function plain(status: number, message: string): ErrorBody {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
}

function isBodyParserError(value: unknown): value is BodyParserError {
  const candidate = value as Partial<BodyParserError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.message === 'string'
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Nest's own 400s do not name a field: ParseUUIDPipe's (the path parameters that are no UUID failed), and the ones it
 * maps from Express (a body that is not JSON, a path that is not valid percent-encoding).
 */
function guessField(message: string | string[], request: Request): string {
  const text = Array.isArray(message) ? message.join(' ') : message;
  if (/uuid is expected/i.test(text)) {
    const bad = Object.entries(request.params ?? {}).filter(([, value]) => !UUID.test(String(value)));
    return bad.length > 0 ? bad.map(([name]) => name).join(', ') : 'path';
  }
  if (/JSON/.test(text)) return 'body';
  if (/decode param/i.test(text)) return 'path';
  return 'request';
}
