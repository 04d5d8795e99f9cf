import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A data directory the embedded database cannot open; the message says what to do. */
export class DamagedDataDirError extends Error {}

const PARTIAL = '.partial-';

/** Whether `dataDir` holds a database (PostgreSQL writes PG_VERSION when initdb is done). */
export function holdsDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Makes sure `dataDir` holds a complete database: a first start creates it beside the final place (`<dir>.partial-<pid>`,
 * with `create`) and renames it into place only when done, so a start killed half-way leaves no half-made directory
 * behind (only a partial one, removed at the next start). A non-empty directory without a database is refused.
 */
export async function ensureDataDir(dataDir: string, create: (dir: string) => Promise<void>): Promise<void> {
  const target = resolve(dataDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`${basename(target)}${PARTIAL}`))
      rmSync(join(parent, entry), { recursive: true, force: true });
  }
  if (holdsDatabase(target)) return;
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new DamagedDataDirError(
      `the embedded database directory ${target} is not empty but holds no database (a first start that did not ` +
        'finish?): move it away to start with a new database, or set APRON_DATA_DIR to another directory',
    );
  }
  const partial = `${target}${PARTIAL}${process.pid}`;
  try {
    await create(partial);
    if (existsSync(target)) rmdirSync(target);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
