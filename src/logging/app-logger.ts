import { LoggerService } from '@nestjs/common';
import { LogFormat, LogLevel } from '../config/app-config';

const SEVERITY: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, verbose: 4 };

/** JSON lines in production (one object per line on stdout), readable lines in development. */
export class AppLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel,
    private readonly format: LogFormat,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

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

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (SEVERITY[level] > SEVERITY[this.level]) return;
    // Nest passes the context last and, for errors, a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    // An Error (Nest's own exception handler passes one alone) has no enumerable fields: JSON gave `{}`.
    const error = message instanceof Error ? message : undefined;
    const stack = typeof rest[0] === 'string' ? (rest[0] as string) : error?.stack;
    const time = new Date().toISOString();
    const text = typeof message === 'string' ? message : error ? `${error.name}: ${error.message}` : describe(message);
    if (this.format === 'json') {
      this.write(JSON.stringify({ time, level, context, msg: text, ...(stack ? { stack } : {}) }));
    } else {
      this.write(`${time} ${level.toUpperCase().padEnd(7)} [${context ?? 'app'}] ${text}${stack ? '\n' + stack : ''}`);
    }
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
