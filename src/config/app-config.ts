/** Typed configuration read from the environment (DESIGN.md §2b: the variable names are a contract). */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'verbose';
export type LogFormat = 'json' | 'pretty';

export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL server; undefined runs the embedded PGlite database. */
  databaseUrl?: string;
  dataDir: string;
  adminToken?: string;
  tickSeconds: number;
  /** APRON_SOLVE_TIME_LIMIT_SECONDS: one solve's hard limit; unset = half the tick, between 2 and 30 s. */
  solveTimeLimitSeconds?: number;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** APRON_SCHEDULER=off stops the interval ticks (solve-now still works); for tests and maintenance. */
  schedulerAutostart: boolean;
  /** APRON_PLAN_RETENTION_DAYS: plan runs older than this are pruned (each site's current plan is kept). */
  planRetentionDays: number;
  /** APRON_CONTROL_RETRY_MINUTES: a charger that refused Apron's limits is asked again after this long (or at boot). */
  controlRetryMinutes: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug', 'verbose'];
const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty'];
const MIN_ADMIN_TOKEN_LENGTH = 16;

export type Env = Record<string, string | undefined>;

export function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function integerIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = nonEmpty(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** A positive decimal number of seconds (e.g. 0.05), at most `max`. */
function secondsUpTo(env: Env, name: string, max: number): number | undefined {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > max) {
    throw new ConfigError(name, `must be a number of seconds above 0 and at most ${max}, got "${raw}"`);
  }
  return value;
}

function databaseUrl(env: Env): string | undefined {
  const raw = nonEmpty(env, 'DATABASE_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

function adminToken(env: Env): string | undefined {
  const token = nonEmpty(env, 'APRON_ADMIN_TOKEN');
  if (token !== undefined && token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError('APRON_ADMIN_TOKEN', `must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long`);
  }
  return token;
}

/** LOG_FORMAT, by default `json` in production. */
export function logFormatOf(env: Env): LogFormat {
  return oneOf(env, 'LOG_FORMAT', LOG_FORMATS, env.NODE_ENV === 'production' ? 'json' : 'pretty');
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  return {
    port: integerIn(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env, 'HOST') ?? '0.0.0.0',
    databaseUrl: databaseUrl(env),
    dataDir: nonEmpty(env, 'APRON_DATA_DIR') ?? './data',
    adminToken: adminToken(env),
    tickSeconds: integerIn(env, 'APRON_TICK_SECONDS', 60, 1, 86400),
    solveTimeLimitSeconds: secondsUpTo(env, 'APRON_SOLVE_TIME_LIMIT_SECONDS', 300),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: logFormatOf(env),
    schedulerAutostart: oneOf(env, 'APRON_SCHEDULER', ['on', 'off'] as const, 'on') === 'on',
    planRetentionDays: integerIn(env, 'APRON_PLAN_RETENTION_DAYS', 7, 1, 3650),
    controlRetryMinutes: integerIn(env, 'APRON_CONTROL_RETRY_MINUTES', 15, 1, 1440),
  };
}
