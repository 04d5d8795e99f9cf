/** Command-line flags of `npm run demo`. */
import { LogLevel } from '../config/app-config';

export interface DemoOptions {
  /** Simulated seconds per real second. */
  speed: number;
  /** Simulated hours to run. */
  hours: number;
  port: number;
  seed: number;
  /** Real seconds between scheduling ticks; default from the speed. */
  tickSeconds: number;
  /** Embedded database directory (must be empty or new); default a fresh temporary one, removed afterwards. */
  dataDir?: string;
  logLevel: LogLevel;
  /** Real seconds between progress lines. */
  progressSeconds: number;
  /** The simulated day (local date) and its local start time. */
  date: string;
  startLocal: string;
}

export class DemoUsageError extends Error {}

export const DEMO_USAGE = `Usage: npm run demo -- [options]

  --speed N          simulated seconds per real second (default 288: a day in 5 minutes)
  --hours H          simulated hours to run (default 24)
  --port P           HTTP and OCPP port on 127.0.0.1 (default 3000; 0 picks a free one)
  --seed N           scenario seed (default 1)
  --tick-seconds S   real seconds between scheduling ticks (default: about 10 simulated minutes, at least 2)
  --data-dir DIR     keep the embedded database in DIR (new or empty; default a temporary directory, removed)
  --log-level L      service log level: error, warn, info, debug (default error)
  --date YYYY-MM-DD  the simulated local day (default 2026-10-01, a national holiday)
  --start HH:MM      local start time (default 05:00)`;

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug', 'verbose'];
/**
 * About every 10 simulated minutes (two of the planner's 5-minute near-term slots), and at least 2 real seconds: the
 * airport's solve (40 buses, a day of flights) takes 0.7–1.6 s on two busy cores (measured).
 */
const SIMULATED_SECONDS_PER_TICK = 600;
const MIN_TICK_SECONDS = 2;

export function parseDemoArgs(argv: string[]): DemoOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new DemoUsageError(DEMO_USAGE);
    const [name, inline] = arg.split('=', 2);
    if (!name.startsWith('--')) throw new DemoUsageError(`unexpected argument "${arg}"\n\n${DEMO_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new DemoUsageError(`${name} needs a value\n\n${DEMO_USAGE}`);
    flags.set(name.slice(2), value);
  }
  const known = ['speed', 'hours', 'port', 'seed', 'tick-seconds', 'data-dir', 'log-level', 'date', 'start'];
  const unknown = [...flags.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new DemoUsageError(`unknown option --${unknown[0]}\n\n${DEMO_USAGE}`);

  const speed = numberFlag(flags, 'speed', 288, 1, 100_000);
  const logLevel = (flags.get('log-level') ?? 'error') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new DemoUsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  const date = flags.get('date') ?? '2026-10-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new DemoUsageError('--date must be YYYY-MM-DD');
  }
  const startLocal = flags.get('start') ?? '05:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startLocal)) throw new DemoUsageError('--start must be HH:MM');
  return {
    speed,
    hours: numberFlag(flags, 'hours', 24, 0.1, 24 * 7),
    port: numberFlag(flags, 'port', 3000, 0, 65535, true),
    seed: numberFlag(flags, 'seed', 1, 0, 2 ** 31, true),
    tickSeconds: numberFlag(
      flags,
      'tick-seconds',
      Math.max(MIN_TICK_SECONDS, Math.round(SIMULATED_SECONDS_PER_TICK / speed)),
      1,
      86_400,
      true,
    ),
    dataDir: flags.get('data-dir'),
    logLevel,
    progressSeconds: 5,
    date,
    startLocal,
  };
}

function numberFlag(
  flags: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  whole = false,
): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw new DemoUsageError(`--${name} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}
