import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { serviceDatabase, ServiceProcess, startServiceProcess } from '../support/service-process';

const ROOT = join(__dirname, '..', '..');
const TOKEN = /apron_[A-Za-z0-9_-]{43}/g;
const README_KEY = 'apron_paste-the-key-the-first-start-printed';
const WALKTHROUGH_SECONDS = 150;
/** A start from sources compiles them first (cached afterwards); on a loaded CI machine that passes Jest's 60 s. */
const START_TIMEOUT_MS = 150_000;

/**
 * A fresh install without APRON_ADMIN_TOKEN, started by its real entry point as `npm start` starts it. One fresh start
 * costs many seconds, so the steps share it, in order: the key it prints, the README's walk-through against it, its
 * log lines once stopped, and a second start on the same database.
 */
describe('first start on a fresh database without APRON_ADMIN_TOKEN', () => {
  let database: Awaited<ReturnType<typeof serviceDatabase>>;
  let first: ServiceProcess;
  let second: ServiceProcess | undefined;
  let key: string;

  beforeAll(async () => {
    database = await serviceDatabase();
    first = await startServiceProcess({ ...database.env, LOG_FORMAT: 'json', APRON_TICK_SECOND: '30' });
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await database.drop();
  });

  it('prints one admin key, which works', async () => {
    const tokens = first.stdout().match(TOKEN) ?? [];
    expect(tokens).toHaveLength(1);
    key = String(tokens[0]);
    const keys = await request(first.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${key}`);
    expect(keys.status).toBe(200);
    expect(keys.body.items).toEqual([expect.objectContaining({ role: 'admin', revokedAt: null })]);
  });

  it(
    "runs the README's walk-through to a first plan of the example airport",
    async () => {
      const script = walkthroughCommands()
        .replaceAll(README_KEY, key)
        .replaceAll('localhost:3000', first.baseUrl.replace('http://', ''));
      const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, APRON_URL: first.baseUrl },
        encoding: 'utf8',
        timeout: WALKTHROUGH_SECONDS * 1000,
      });
      if (result.status !== 0) {
        throw new Error(`the walk-through exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
      }
      expect(result.stdout).toMatch(/Airport site +CAN-EXAMPLE /);
      // solve-now is skipped (and says so) when the re-plan the flight import set off is still applying its plan.
      expect(result.stdout).toMatch(/plan (optimal|feasible|fallback|infeasible): \d+ bus assignments|not run: /);

      const api = (path: string) => request(first.baseUrl).get(path).set('Authorization', `Bearer ${key}`);
      const sites = await api('/api/v1/sites?kind=airport');
      const airport = sites.body.items.find((site: { code: string }) => site.code === 'CAN-EXAMPLE');
      const plan = await api(`/api/v1/sites/${airport.id}/plan`);
      expect(plan.status).toBe(200);
      expect(plan.body.input.vehicles).toHaveLength(8);
      expect(plan.body.input.tasks.length).toBeGreaterThan(0);
      expect(plan.body.result.assignments.length).toBeGreaterThan(0);
    },
    (WALKTHROUGH_SECONDS + 10) * 1000,
  );

  it('wrote every line of stdout and stderr as JSON, the listening and stopping lines included', async () => {
    expect(await first.stop()).toBe(0);
    const lines = first.stdout().trim().split('\n').map(parseJsonLine);
    const messages = lines.map((line) => line.msg);
    expect(messages).toContainEqual(expect.stringMatching(/^Apron listening on http:\/\/127\.0\.0\.1:\d+/));
    expect(messages).toContain('Apron stopping (SIGTERM)');
    expect(messages).toContain('Unknown variable APRON_TICK_SECOND is ignored; did you mean APRON_TICK_SECONDS?');
    const keyLine = lines.find((line) => String(line.msg).includes(key))!;
    expect(keyLine.msg).toMatch(/shown only this once/);
    expect(keyLine.msg).toMatch(/POST \/api\/v1\/api-keys .*DELETE \/api\/v1\/api-keys\//);
    first.stderr().trim().split('\n').filter(Boolean).forEach(parseJsonLine);
  });

  it(
    'prints no key on a later start, and the first key still works',
    async () => {
      second = await startServiceProcess({ ...database.env });
      expect(second.stdout()).not.toMatch(TOKEN);
      expect(second.stdout()).not.toMatch(/First start/);
      const keys = await request(second.baseUrl).get('/api/v1/api-keys').set('Authorization', `Bearer ${key}`);
      expect(keys.status).toBe(200);
      expect(keys.body.total).toBe(1);
    },
    START_TIMEOUT_MS,
  );
});

/** The fenced block after the README's `<!-- walkthrough ... -->` marker. */
function walkthroughCommands(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /<!-- walkthrough\b[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README.md has no <!-- walkthrough --> block');
  return match[1];
}

function parseJsonLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new Error(`not a JSON line: ${line}`);
  }
}
