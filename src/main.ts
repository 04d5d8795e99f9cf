import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createApp } from './app-factory';
import { ConfigError, LogFormat, logFormatOf } from './config/app-config';
import { environmentWarnings, validateEnvironment } from './config/validate-environment';
import { openDatabase } from './database/database-target';
import { AppLogger } from './logging/app-logger';
import { writeStartUpFailure } from './logging/start-up-lines';

/** LOG_FORMAT as far as it can be read: a wrong value is itself reported in the readable form. */
function chosenLogFormat(): LogFormat {
  try {
    return logFormatOf(process.env);
  } catch {
    return 'pretty';
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = validateEnvironment();
  } catch (error) {
    if (error instanceof ConfigError) {
      writeStartUpFailure(chosenLogFormat(), error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = new AppLogger(config.logLevel, config.logFormat);
  for (const warning of environmentWarnings()) log.warn(warning, 'Config');
  const database = await openDatabase(config);
  const app = await createApp(config, database);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.log(`Apron stopping (${signal})`, 'Apron');
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const where = database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server';
  log.log(`Apron listening on http://${config.host}:${port} (${where}); API docs at /docs`, 'Apron');
}

main().catch((error: unknown) => {
  writeStartUpFailure(chosenLogFormat(), `Apron failed to start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
