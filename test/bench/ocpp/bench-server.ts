/**
 * The service under test for `npm run bench -- ocpp`: compiled (tsx does not emit decorator metadata, which NestJS needs),
 * started as a child process on loopback with a fresh PostgreSQL database, and stopped afterwards.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { createServerDatabase } from '../../support/server-database';

const ROOT = join(__dirname, '..', '..', '..');
export const BENCH_TOKEN = 'bench-bootstrap-admin-token';
export const BENCH_PASSWORD = 'bench-charger-password-0001';
/** The gateway without the rest of the app (gateway-only.server.js). */
export const GATEWAY_ONLY_ENTRY = join(__dirname, 'gateway-only.server.js');

export interface BenchServer {
  port: number;
  databaseUrl: string;
  rssMb(): number;
  stop(): Promise<void>;
}

export function build(): void {
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // tsc still emits when another part of the tree has type errors; the run below fails clearly if dist is unusable.
    console.error(
      `bench: npm run build reported errors: ${String((error as { stderr?: Buffer }).stderr ?? error).slice(0, 500)}`,
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('service did not become healthy');
}

export async function startBenchServer(
  serverUrl: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  entry = join(ROOT, 'scripts', 'start.js'),
): Promise<BenchServer> {
  const database = await createServerDatabase(serverUrl, 'apron_bench');
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      APRON_ADMIN_TOKEN: BENCH_TOKEN,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(port, child);
  return {
    port,
    databaseUrl: database.url,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    },
  };
}

/**
 * Sites of CHARGERS_PER_SITE chargers each, written straight into the fresh database: creating chargers through the API
 * would cost one scrypt hash (~50 ms) each. All share one password hash with a low scrypt cost, in the format the
 * service reads.
 */
export const CHARGERS_PER_SITE = 20;

export async function seedChargers(server: BenchServer, identities: string[]): Promise<void> {
  const salt = randomBytes(16);
  const cost = { N: 1024, r: 8, p: 1 };
  const key = scryptSync(BENCH_PASSWORD, salt, 32, cost);
  const hash = ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    for (let i = 0; i < identities.length; i += CHARGERS_PER_SITE) {
      const chunk = identities.slice(i, i + CHARGERS_PER_SITE);
      const site = await client.query(
        `INSERT INTO "sites" ("code", "name", "kind", "timeZone", "gridLimitKw", "tariff", "unknownIdTagPolicy", "version")
         VALUES ($1, 'Bench site', 'highway', 'UTC', 100000, '{"currency":"EUR","steps":[],"timeOfUse":[]}', 'accept', 1)
         RETURNING "id"`,
        [`BENCH-SITE-${i / CHARGERS_PER_SITE}`],
      );
      const siteId = site.rows[0].id as string;
      const values = chunk.map((_, j) => `($${j + 1}, '${siteId}', 'AC', 3, 230, 22, '${hash}', 1)`).join(', ');
      const chargers = await client.query(
        `INSERT INTO "chargers" ("chargePointId", "siteId", "currentType", "phases", "voltageV", "maxKw", "passwordHash", "version")
         VALUES ${values} RETURNING "id"`,
        chunk,
      );
      const connectors = chargers.rows.map((row: { id: string }) => `('${row.id}', 1, 22)`).join(', ');
      await client.query(`INSERT INTO "connectors" ("chargerId", "connectorId", "maxKw") VALUES ${connectors}`);
    }
  } finally {
    await client.end();
  }
}

export async function countRows(server: BenchServer, table: string): Promise<number> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const result = await client.query(`SELECT count(*)::int AS n FROM "${table}"`);
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}
