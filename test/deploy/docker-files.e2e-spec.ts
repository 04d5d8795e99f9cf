import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** No Docker engine runs on our machines, so these guard the docker/ files against drifting from the tree. */
const ROOT = join(__dirname, '..', '..');
const CONTRACT_VARIABLES = [
  'PORT',
  'DATABASE_URL',
  'APRON_DATA_DIR',
  'APRON_ADMIN_TOKEN',
  'APRON_TICK_SECONDS',
  'LOG_LEVEL',
];

describe('docker files', () => {
  const dockerfile = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');
  const compose = readFileSync(join(ROOT, 'docker', 'compose.yaml'), 'utf8');

  it('copy only paths that exist in the repository', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1].split(/\s+/));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) expect([source, existsSync(join(ROOT, source))]).toEqual([source, true]);
  });

  it('start the compiled service the way npm start does', () => {
    const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(packageJson.scripts.start).toContain('node --max-semi-space-size=64 scripts/start.js');
    expect(dockerfile).toMatch(/^CMD \["node", "--max-semi-space-size=64", "scripts\/start\.js"\]$/m);
    expect(dockerfile).toMatch(/RUN npm run build/);
  });

  it('build and run on Node 22 LTS (Node 20 reached end of life in April 2026)', () => {
    const bases = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(bases).toEqual(['node:22-bookworm-slim', 'node:22-bookworm-slim']);
  });

  it('configure the app only through the contract variables', () => {
    const appSection = compose.slice(compose.indexOf('  apron:'));
    const environment = appSection.slice(appSection.indexOf('environment:'), appSection.indexOf('ports:'));
    const names = [...environment.matchAll(/^\s{6}([A-Z_]+):/gm)].map((m) => m[1]);
    expect(names).toContain('DATABASE_URL');
    for (const name of names) expect(CONTRACT_VARIABLES).toContain(name);
  });
});
