/**
 * The service as the demo runs it: in this process, on the embedded database in a fresh directory (never the
 * user's ./data, never a DATABASE_URL server), listening on 127.0.0.1 only, on the demo's simulated clock, with the
 * interval scheduler on.
 */
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../app-factory';
import { Clock } from '../common/clock';
import { LogLevel } from '../config/app-config';
import { validateEnvironment } from '../config/validate-environment';
import { openDatabase, RunningDatabase } from '../database/database-target';

export interface DemoServiceOptions {
  port: number;
  dataDir?: string;
  tickSeconds: number;
  solveTimeLimitSeconds: number;
  logLevel: LogLevel;
  clock: Clock;
}

export interface DemoService {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  adminToken: string;
  dataDir: string;
  /** Whether the data directory is removed on stop. */
  temporary: boolean;
  stop(): Promise<void>;
}

/**
 * Settings the OCPP gateway and fleet state read from the environment when they start. On a day that passes in
 * minutes, chargers heartbeat hourly (simulated) and send meter values every 5 simulated minutes, the raw OCPP frame
 * log is off, and task completions are polled every real second. A value the user set wins.
 */
const SERVICE_ENVIRONMENT: Record<string, string> = {
  APRON_OCPP_HEARTBEAT_SECONDS: '3600',
  APRON_OCPP_LOG_RETENTION_HOURS: '0',
  APRON_FLEET_METER_SAMPLE_INTERVAL_SECONDS: '300',
  APRON_FLEET_TASK_POLL_MS: '1000',
};

export async function startDemoService(options: DemoServiceOptions): Promise<DemoService> {
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'apron-demo-'));
  if (!temporary && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`--data-dir ${dataDir} is not empty: the demo seeds a fresh database`);
  }
  for (const [name, value] of Object.entries(SERVICE_ENVIRONMENT)) process.env[name] ??= value;
  const adminToken = process.env.APRON_ADMIN_TOKEN || `demo-${randomBytes(18).toString('base64url')}`;
  const config = validateEnvironment({
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    APRON_DATA_DIR: dataDir,
    APRON_ADMIN_TOKEN: adminToken,
    APRON_TICK_SECONDS: String(options.tickSeconds),
    APRON_SOLVE_TIME_LIMIT_SECONDS: String(options.solveTimeLimitSeconds),
    APRON_SCHEDULER: 'on',
    LOG_LEVEL: options.logLevel,
  });
  let database: RunningDatabase | undefined;
  let app: INestApplication | undefined;
  const stop = async () => {
    await app?.close();
    await database?.stop();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    database = await openDatabase(config);
    app = await createApp(config, database, options.clock);
    await app.listen(config.port, config.host);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, adminToken, dataDir, temporary, stop };
}
