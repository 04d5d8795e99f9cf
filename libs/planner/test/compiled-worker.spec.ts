import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HiGHS worker is evaluated from a source string (no worker file to resolve), so it must run the same from
 * compiled JS as under ts-jest: compile the planner with tsc into dist/ and run the compiled CLI on a golden scenario.
 */
describe('planner compiled to JavaScript', () => {
  const root = join(__dirname, '../../..');
  // Inside the repository so the compiled code resolves node_modules; dist/ does not exist on a fresh clone.
  mkdirSync(join(root, 'dist'), { recursive: true });
  const outDir = mkdtempSync(join(root, 'dist', 'planner-compiled-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('solves with HiGHS in a worker from dist/', () => {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const flags = ['--outDir', outDir, '--rootDir', root, '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    execFileSync(
      process.execPath,
      [
        tsc,
        ...flags,
        '--target',
        'es2022',
        '--skipLibCheck',
        '--types',
        'node',
        '--ignoreConfig',
        'libs/planner/src/cli.ts',
      ],
      {
        cwd: root,
      },
    );
    const stdout = execFileSync(
      process.execPath,
      [join(outDir, 'libs/planner/src/cli.js'), 'test/scenarios/planner-night-charging.json', '--solver', 'highs'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    ).toString();
    const result = JSON.parse(stdout) as { status: string; costTotal: number };
    expect(result.status).toBe('optimal');
    expect(result.costTotal).toBeCloseTo(19.0816, 4);
  });
});
