/** Command-line flags and environment of `npm run seed`. */
import { join } from 'node:path';

export interface SeedOptions {
  /** The running service, e.g. http://localhost:3000. */
  url: string;
  /** An admin (or fleet-manager) API key. */
  key: string;
  /** The folder with airport/ and highway/ example files. */
  examplesDir: string;
}

export class SeedUsageError extends Error {}

export const SEED_USAGE = `Usage: npm run seed -- [--url URL] [--key KEY] [--examples DIR]

Loads the example airport (CAN) and highway service area of examples/ into a running Apron through its HTTP API.
  --url URL        the service on this machine (default $APRON_URL, else http://localhost:3000)
  --key KEY        an admin or fleet-manager API key (default $APRON_KEY); the first start prints an admin key
  --examples DIR   the example files (default examples/ of this repository)
Running it again skips what exists and re-imports the flights (which changes nothing already there).`;

export function parseSeedArgs(argv: string[], env: Record<string, string | undefined>): SeedOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new SeedUsageError(SEED_USAGE);
    const [name, inline] = arg.split(/=(.*)/s, 2);
    if (!['--url', '--key', '--examples'].includes(name))
      throw new SeedUsageError(`Unknown option ${arg}\n\n${SEED_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new SeedUsageError(`${name} needs a value\n\n${SEED_USAGE}`);
    flags.set(name, value);
  }
  const key = flags.get('--key') ?? env.APRON_KEY;
  if (!key) throw new SeedUsageError(`An API key is needed: --key KEY or APRON_KEY\n\n${SEED_USAGE}`);
  const url = (flags.get('--url') ?? env.APRON_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  const examplesDir = flags.get('--examples') ?? join(__dirname, '..', '..', 'examples');
  return { url, key, examplesDir };
}
