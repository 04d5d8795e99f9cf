import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import { LogFormat, LogLevel } from '../config/app-config';
import { prettyLine } from './pretty-line';
import { currentRequestId } from './request-context';

/** Nothing logs these today; a field of that name is masked all the same should one ever be logged. */
const SECRET_FIELDS = ['authorization', 'password', 'token', 'apiKey'];

/**
 * Nest's logger interface over pino: JSON lines in production (one object per line on stdout: time, level, context,
 * msg, the request id when logged on behalf of an HTTP request, and any fields of a structured message), readable lines
 * in development, formatted here so no pretty-printer is needed at run time. A structured message is an object with
 * `msg` and fields: `logger.log({ msg: 'tick', siteId }, 'Scheduler')`.
 */
export class AppLogger implements LoggerService {
  private readonly pino: Logger<'verbose'>;

  constructor(
    level: LogLevel,
    format: LogFormat,
    write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    const destination = {
      write: (chunk: string) => write(format === 'json' ? chunk.trimEnd() : prettyLine(chunk)),
    };
    this.pino = pino<'verbose'>(
      {
        level,
        // Nest's verbose sits below debug.
        customLevels: { verbose: 15 },
        base: null,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => {
          const requestId = currentRequestId();
          return requestId ? { requestId } : {};
        },
        redact: { paths: SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]), censor: '[redacted]' },
      },
      destination,
    );
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }

  private emit(level: 'error' | 'warn' | 'info' | 'debug' | 'verbose', message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    // Nest passes the context last and, for errors, a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    // An Error (Nest's own exception handler passes one alone) has no enumerable fields: JSON gave `{}`.
    const error = message instanceof Error ? message : undefined;
    const stack = typeof rest[0] === 'string' ? (rest[0] as string) : error?.stack;
    const { msg, ...fields } = structured(message) ?? {};
    const text =
      typeof message === 'string' ? message : error ? `${error.name}: ${error.message}` : (msg ?? describe(message));
    this.pino[level]({ context, ...fields, ...(stack ? { stack } : {}) }, text);
  }
}

/** A plain object with a `msg` logged as a message: its other fields go into the line. */
function structured(message: unknown): { msg?: string; [field: string]: unknown } | undefined {
  if (typeof message !== 'object' || message === null || Object.getPrototypeOf(message) !== Object.prototype) {
    return undefined;
  }
  const fields = message as Record<string, unknown>;
  return typeof fields.msg === 'string' ? fields : undefined;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
