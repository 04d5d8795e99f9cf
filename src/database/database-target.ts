import { AppConfig } from '../config/app-config';
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedPostgres } from './embedded-postgres';
import { DatabaseTarget } from './data-source-options';

const SERVER_POOL_SIZE = 10;

export interface RunningDatabase extends DatabaseTarget {
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL selects a PostgreSQL server; without it the embedded database starts under APRON_DATA_DIR. */
export async function openDatabase(config: AppConfig): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, poolSize: SERVER_POOL_SIZE, embedded: false, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, maxConnections: EMBEDDED_MAX_CONNECTIONS });
  return { url: embedded.url, poolSize: embedded.maxConnections, embedded: true, stop: embedded.stop };
}
