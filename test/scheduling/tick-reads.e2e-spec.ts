import { DataSource } from 'typeorm';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { SiteTickService } from '../../src/scheduling/site-tick.service';
import { aTask, aVehicle } from '../support/fixtures';
import { put } from '../support/soc-tracking-helpers';
import { CHARGER_PASSWORD, eventually, registerCharger } from '../support/ocpp-clients';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;

/** The tables a statement reads (FROM and JOIN), for SELECTs only. */
function tablesRead(sql: string): string[] {
  if (!/^\s*(WITH|SELECT)\b/i.test(sql)) return [];
  return [...sql.matchAll(/\b(?:FROM|JOIN)\s+"([a-z_]+)"/gi)].map((match) => match[1]);
}

/**
 * One tick reads each kind of record of its site once (DESIGN.md §3 step 1): the snapshot is read once and shared by
 * SoC tracking, the plan input and the plan applier, not read again by each of them.
 */
describe('database reads of one scheduling tick', () => {
  let app: TestApp;
  let cp: VirtualChargePoint;
  let siteId: string;
  const taskPollMs = process.env.APRON_FLEET_TASK_POLL_MS;

  beforeAll(async () => {
    // No background task-completion poll: only the tick's own reads are counted.
    process.env.APRON_FLEET_TASK_POLL_MS = '0';
    app = await startTestApp();
    const admin = app.http(ADMIN_TOKEN);
    ({ siteId } = await registerCharger(app, ADMIN_TOKEN, 'READS-1', { site: { unknownIdTagPolicy: 'accept' } }));
    await registerCharger(app, ADMIN_TOKEN, 'READS-2', { siteId });
    for (const n of [1, 2, 3]) {
      await admin
        .post('/api/v1/vehicles')
        .send(aVehicle(siteId, { fleetNumber: `BUS-R${n}`, idTag: `TAG-R${n}` }))
        .expect(201);
    }
    const now = Date.now();
    const tasks = [];
    for (const [i, startMinutes] of [-20, 30, 90, 150].entries()) {
      const task = await admin
        .post('/api/v1/tasks')
        .send(
          aTask(siteId, {
            flightRef: `CZ-R${i}`,
            vehiclesNeeded: 1,
            energyKwhPerVehicle: i === 2 ? null : 12,
            start: new Date(now + startMinutes * MINUTE_MS).toISOString(),
            end: new Date(now + (startMinutes + 30) * MINUTE_MS).toISOString(),
          }),
        )
        .expect(201);
      tasks.push(task.body.id as string);
    }
    const dispatcher = await createKey(app, 'dispatcher');
    await put(app, dispatcher, `/api/v1/tasks/${tasks[0]}/vehicles`)
      .send({ vehicles: ['BUS-R2'] })
      .expect(200);
    cp = new VirtualChargePoint({
      identity: 'READS-1',
      endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
      protocol: 'ocpp1.6',
      password: CHARGER_PASSWORD,
      clock: new ManualClock(new Date()),
      reconnect: false,
      connectors: [
        { maxPowerKw: 150, currentType: 'DC' },
        { maxPowerKw: 150, currentType: 'DC' },
      ],
    });
    await cp.start();
    await cp.plugIn(1, { idTag: 'TAG-R1', batteryKwh: 280, socPercent: 40, maxKw: 150 });
    await cp.plugIn(2, { idTag: 'VISITOR', batteryKwh: 60, socPercent: 30, maxKw: 50 });
    await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?siteId=${siteId}&active=true`);
      expect(page.body.total).toBe(2);
    });
    // Boot and plug-in work settles first (safe defaults, SoC meter settings), so only the tick's reads are counted.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  });
  afterAll(async () => {
    if (taskPollMs === undefined) delete process.env.APRON_FLEET_TASK_POLL_MS;
    else process.env.APRON_FLEET_TASK_POLL_MS = taskPollMs;
    await cp?.stop();
    await app.close();
  });

  it.each(['first', 'later'])('reads each table at most once (%s tick)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const dataSource = app.app.get(DataSource);
    const reads: string[] = [];
    const original = dataSource.logger.logQuery.bind(dataSource.logger);
    // The tick ends by storing its run; what reads follow belong to the dispatcher's stream, which reacts to the
    // applied plan on its own (assignment and alert watchers).
    let stored = false;
    dataSource.logger.logQuery = (query, parameters, runner) => {
      if (/^\s*INSERT INTO "plan_runs"/i.test(query)) stored = true;
      if (!stored) reads.push(...tablesRead(query));
      return original(query, parameters, runner);
    };
    try {
      const outcome = await app.app.get(SiteTickService).tick(siteId, 'solve-now');
      expect(outcome.ran).toBe(true);
    } finally {
      dataSource.logger.logQuery = original;
    }
    const perTable = new Map<string, number>();
    for (const table of reads) perTable.set(table, (perTable.get(table) ?? 0) + 1);
    const repeated = [...perTable].filter(([, count]) => count > 1);
    expect(repeated).toEqual([]);
    // What one tick reads, so a new read shows up here.
    expect([...perTable.keys()].sort()).toEqual(
      expect.arrayContaining(['ocpp_sessions', 'sites', 'chargers', 'vehicles', 'transfer_tasks', 'task_assignments']),
    );
  });
});
