import 'reflect-metadata';
import { createApp } from './app-factory';
import { ConfigError } from './config/app-config';
import { validateEnvironment } from './config/validate-environment';
import { openDatabase } from './database/database-target';

async function main(): Promise<void> {
  let config;
  try {
    config = validateEnvironment();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const database = await openDatabase(config);
  const app = await createApp(config, database);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`Apron stopping (${signal})`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen(config.port, config.host);
  const where = database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
  console.error(`Apron listening on http://${config.host}:${config.port} (${where}); API docs at /docs`);
}

main().catch((error: unknown) => {
  console.error('Apron failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
