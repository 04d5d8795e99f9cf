import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  dumpEmbeddedTemplate,
  EMBEDDED_MAX_CONNECTIONS,
  startEmbeddedPostgres,
} from '../../src/database/embedded-postgres';
import { createServerDatabase } from './server-database';

/** A database of its own for one test suite, on the server of DATABASE_URL or embedded. */
export interface TestDatabase {
  url: string;
  poolSize: number;
  embedded: boolean;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? createOnServer(serverUrl) : createEmbedded();
}

async function createOnServer(serverUrl: string): Promise<TestDatabase> {
  const database = await createServerDatabase(serverUrl, 'apron_test');
  return { ...database, poolSize: 5, embedded: false };
}

/**
 * Running initdb costs seconds per database (FACTS.md): the first suite dumps an empty cluster once,
 * keyed by the PGlite version, and every later one starts from a copy of its files.
 */
async function emptyClusterTemplate(): Promise<Blob> {
  const packageJson = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const path = join(tmpdir(), `apron-pglite-${version}-template.tar`);
  if (!existsSync(path)) {
    const dump = await dumpEmbeddedTemplate();
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  return new Blob([readFileSync(path)]);
}

async function createEmbedded(): Promise<TestDatabase> {
  const template = await emptyClusterTemplate();
  const embedded = await startEmbeddedPostgres({ template, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  return { url: embedded.url, poolSize: embedded.maxConnections, embedded: true, drop: embedded.stop };
}
