import { resolve } from 'node:path';
import { DamagedDataDirError, ensureDataDir } from './embedded-data-dir';

/** A running embedded PostgreSQL (PGlite) reachable by the ordinary `pg` driver over loopback. */
export interface EmbeddedPostgres {
  url: string;
  maxConnections: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory for the database files; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** A tarball from `dumpEmbeddedTemplate`, to start from a prepared database instead of running initdb. */
  template?: Blob;
  /** Connections the socket server accepts; the pool must not be larger (FACTS.md). */
  maxConnections?: number;
}

/**
 * One connection, always. pglite-socket 0.2.17 queues single protocol messages and keeps one connection's
 * messages together only inside a transaction: outside one, two connections' Parse/Bind/Execute interleave
 * and a query runs with another's parameters or returns another's rows ("bind message supplies 13
 * parameters, but prepared statement "" requires 1"). PGlite runs one query at a time anyway, so a single
 * connection costs no throughput; it does mean a query awaited inside a transaction must use the
 * transaction's own manager, or it waits forever (the same rule FACTS.md states for PGlite).
 */
export const EMBEDDED_MAX_CONNECTIONS = 1;

/**
 * PGlite is one PostgreSQL backend in this process; pglite-socket speaks the wire protocol on
 * 127.0.0.1 so TypeORM and `pg` serve it exactly as they serve a PostgreSQL server.
 * Both packages are ESM-first, hence the dynamic imports (Jest needs --experimental-vm-modules).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const maxConnections = options.maxConnections ?? EMBEDDED_MAX_CONNECTIONS;
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) {
    await ensureDataDir(dataDir, async (partial) => {
      const fresh = await PGlite.create({ dataDir: partial, loadDataDir: options.template });
      await fresh.query('SELECT 1');
      await fresh.close();
    });
  }
  const db = await PGlite.create({ dataDir, loadDataDir: dataDir === undefined ? options.template : undefined }).catch(
    (error: unknown) => {
      throw new DamagedDataDirError(
        `the embedded database in ${dataDir ?? 'memory'} could not be opened (${(error as Error).message}): restore ` +
          'it from a backup, or move it away to start with a new database',
      );
    },
  );
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    maxConnections,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Builds a fresh in-memory database once and returns its files, so tests can skip initdb each time. */
export async function dumpEmbeddedTemplate(): Promise<Blob> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  await db.close();
  return dump;
}
