import { checkInvariants, type PlanInput, type PlanResult } from '@apron/planner';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDispatchSite, DispatchSite, taskAt } from '../dispatch/dispatch-site';
import { BOOT_16, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { createKey, startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** Issue 6 / DESIGN.md §5b: a stored plan run's input is a scenario file `npm run plan -- FILE` solves again. */
describe('replaying a stored plan run with the planner CLI', () => {
  let app: TestApp;
  let client: TestRpcClient;
  let site: DispatchSite;
  let dir: string;

  beforeAll(async () => {
    app = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'apron-replay-'));
    const fleetManager = await createKey(app, 'fleet-manager');
    site = await createDispatchSite(app, 'REPLAY', { buses: ['BUS-01', 'BUS-02', 'BUS-03'] }, [
      taskAt('', 'REPLAY-1', 1, { vehiclesNeeded: 2, energyKwhPerVehicle: 30 }),
      taskAt('', 'REPLAY-2', 3, { vehiclesNeeded: 1, energyKwhPerVehicle: 40 }),
    ]);
    await registerCharger(app, fleetManager, 'REPLAY-CP1', { siteId: site.siteId });
    client = ocppClient(app, 'REPLAY-CP1', 'ocpp1.6');
    // A charger that obeys: one answering NotImplemented would be left out of the plan (issue 15).
    client.handle('SetChargingProfile', async () => ({ status: 'Accepted' }));
    await client.connect();
    await client.call('BootNotification', BOOT_16);
  });
  afterAll(async () => {
    await client?.close({ force: true });
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('solves the input read back from the API to a valid plan of the same tasks', async () => {
    const dispatcher = await createKey(app, 'dispatcher');
    const solved = await app.http(dispatcher).post(`/api/v1/sites/${site.siteId}/solve-now`).expect(200);
    expect(solved.body.ran).toBe(true);
    const stored = await app
      .http(dispatcher)
      .get(`/api/v1/sites/${site.siteId}/plan-runs/${solved.body.run.id as string}`)
      .expect(200);
    const input = stored.body.input as PlanInput;
    const storedResult = stored.body.result as PlanResult;
    expect(input.tasks?.map((task) => task.id).sort()).toEqual(['REPLAY-1', 'REPLAY-2']);
    expect(input.vehicles?.map((vehicle) => vehicle.id).sort()).toEqual(['BUS-01', 'BUS-02', 'BUS-03']);
    expect(input.chargers.map((charger) => charger.id)).toEqual(['REPLAY-CP1']);
    const file = join(dir, 'stored-run.json');
    writeFileSync(file, JSON.stringify(input));

    // What `npm run plan -- FILE` runs; a generous solve limit keeps a loaded machine from forcing the fallback.
    const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const { stdout } = await run(
      process.execPath,
      [tsx, join(ROOT, 'libs', 'planner', 'src', 'cli.ts'), file, '--time-limit', '20'],
      { cwd: ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const replayed = JSON.parse(stdout) as PlanResult;

    expect(['optimal', 'feasible']).toContain(replayed.status);
    expect(checkInvariants(input, replayed)).toEqual([]);
    expect(replayed.slotStarts).toEqual(storedResult.slotStarts);
    // Every task of the input is planned or reported short, as in the stored result.
    const covered = (result: PlanResult) =>
      Object.fromEntries(
        (input.tasks ?? []).map((task) => [
          task.id,
          result.assignments.filter((a) => a.taskId === task.id).length +
            (result.unserved.find((u) => u.taskId === task.id)?.missingVehicles ?? 0),
        ]),
      );
    expect(covered(replayed)).toEqual({ 'REPLAY-1': 2, 'REPLAY-2': 1 });
    expect(replayed.unserved).toEqual(storedResult.unserved);
    expect(replayed.assignments.length).toBeGreaterThan(0);
  }, 90_000);
});
