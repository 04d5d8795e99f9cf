import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerDatabase } from './server-database';

const ROOT = join(__dirname, '..', '..');
const LISTENING = /Apron listening on http:\/\/127\.0\.0\.1:(\d+)/;

/** The real entry point (src/main.ts) in a child process on loopback, with what it wrote so far. */
export interface ServiceProcess {
  baseUrl: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * A database for service processes that outlives each of them: a fresh database on the server of DATABASE_URL, or a
 * data directory for the child's own embedded database (the tests' embedded database lives in the test process).
 */
export async function serviceDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const database = await createServerDatabase(process.env.DATABASE_URL, 'apron_service');
    return { env: { DATABASE_URL: database.url }, drop: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'apron-service-'));
  return {
    env: { APRON_DATA_DIR: join(dir, 'data') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Starts src/main.ts (compiled by TypeScript, with the decorator metadata Nest needs) and waits for its listening line. */
export async function startServiceProcess(env: Record<string, string>, timeoutMs = 140_000): Promise<ServiceProcess> {
  const register = join(ROOT, 'test', 'support', 'ts-register.cjs');
  const child = spawn(process.execPath, ['-r', register, join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', APRON_SCHEDULER: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await listeningPort(child, () => stdout, exited, timeoutMs).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function listeningPort(
  child: ChildProcess,
  stdout: () => string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    const match = LISTENING.exec(stdout());
    if (match) return Number(match[1]);
    if (exitCode !== undefined) throw new Error(`the service exited with code ${exitCode} before listening`);
    if (Date.now() > deadline) throw new Error(`the service did not listen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
