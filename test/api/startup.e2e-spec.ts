import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs the real entry point; a bad configuration must stop it before anything else starts. */
function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
}

describe('start-up with a wrong configuration', () => {
  it.each([
    [{ PORT: 'http' }, 'PORT'],
    [{ APRON_TICK_SECONDS: '-1' }, 'APRON_TICK_SECONDS'],
    [{ DATABASE_URL: 'mysql://root@localhost/apron' }, 'DATABASE_URL'],
    [{ APRON_OCPP_UNKNOWN_CHARGERS: 'maybe' }, 'APRON_OCPP_UNKNOWN_CHARGERS'],
    [{ APRON_FLEET_TASK_POLL_MS: 'soon' }, 'APRON_FLEET_TASK_POLL_MS'],
  ])('%j stops with exit code 1 and one line naming %s', (env, variable) => {
    const result = startWith(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
  });
});

describe('start-up on a damaged embedded data directory', () => {
  it('stops with exit code 1 and one line saying what to do, without retrying', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'apron-damaged-')), 'data');
    mkdirSync(join(dataDir, 'base', '5'), { recursive: true });
    writeFileSync(join(dataDir, 'base', '5', '16496'), 'half a relation');
    const result = startWith({ APRON_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', APRON_SCHEDULER: 'off' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Apron failed to start: the embedded database directory .* move it away/);
  });
});
