import type { PlanInput, PlanResult } from '@apron/planner';
import { PlanRun } from '../../src/scheduling/plan-run.entity';
import { PlanRunsRepository } from '../../src/scheduling/plan-runs.repository';
import { TickScheduler } from '../../src/scheduling/tick-scheduler';
import { aSite } from '../support/fixtures';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY_MS = 86_400_000;
const RETENTION_DAYS = 3;
const daysAgo = (days: number, minutes = 0) => new Date(NOW.getTime() - days * DAY_MS - minutes * 60_000);

/** A stored run with just enough of a plan; retention only looks at its site, time and what it applied. */
function aRun(siteId: string, tickAt: Date, applied: PlanRun['applied'] = 'new'): Omit<PlanRun, 'id' | 'createdAt'> {
  return {
    siteId,
    tickAt,
    trigger: 'tick',
    status: applied === 'new' ? 'optimal' : 'fallback',
    applied,
    message: '',
    reason: null,
    objective: 0,
    solveMs: 1,
    tickMs: 2,
    input: { version: 1 } as unknown as PlanInput,
    result: { status: 'optimal' } as unknown as PlanResult,
    notes: [],
  };
}

describe('plan-run retention (APRON_PLAN_RETENTION_DAYS)', () => {
  let app: TestApp;
  let runs: PlanRunsRepository;
  beforeAll(async () => {
    app = await startTestApp({ clock: { now: () => NOW }, env: { APRON_PLAN_RETENTION_DAYS: String(RETENTION_DAYS) } });
    runs = app.app.get(PlanRunsRepository);
  });
  afterAll(() => app.close());

  const siteWith = async (code: string) =>
    (await app.http(ADMIN_TOKEN).post('/api/v1/sites').send(aSite({ code })).expect(201)).body.id as string;
  const idsOf = async (siteId: string) => {
    const [items] = await runs.list(siteId, 100, 0);
    return items.map((run) => run.id).sort();
  };

  it('deletes runs older than the retention, keeps newer ones and each site its current plan', async () => {
    const busy = await siteWith('RET-BUSY');
    const oldBusy = [
      await runs.insert(aRun(busy, daysAgo(RETENTION_DAYS, 1))),
      await runs.insert(aRun(busy, daysAgo(30))),
    ];
    const keptBusy = [
      await runs.insert(aRun(busy, daysAgo(RETENTION_DAYS, -1))),
      await runs.insert(aRun(busy, daysAgo(0, 5))),
    ];

    // Ticks stopped long ago, the last one kept the plan before: both runs CurrentPlanReader reads stay.
    const idle = await siteWith('RET-IDLE');
    const goneIdle = await runs.insert(aRun(idle, daysAgo(12)));
    const lastFresh = await runs.insert(aRun(idle, daysAgo(11)));
    const lastKept = await runs.insert(aRun(idle, daysAgo(10), 'kept-last'));

    // Runs of a site that no longer exists all go.
    const removed = await siteWith('RET-REMOVED');
    await runs.insert(aRun(removed, daysAgo(9)));
    await app.http(ADMIN_TOKEN).delete(`/api/v1/sites/${removed}`).expect(204);

    // What the scheduler's periodic sync runs (sync itself would also start the sites' ticks).
    expect(await app.app.get(TickScheduler).pruneRuns()).toBe(4);

    expect(await idsOf(busy)).toEqual(keptBusy.map((run) => run.id).sort());
    expect(await idsOf(idle)).toEqual([lastFresh.id, lastKept.id].sort());
    expect(await idsOf(removed)).toEqual([]);
    for (const run of [...oldBusy, goneIdle]) expect(await runs.findById(run.siteId, run.id)).toBeNull();
    // The dashboard and the board still find the idle site's plan.
    const plan = await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${idle}/plan-runs`).expect(200);
    expect(plan.body.items.map((run: { id: string }) => run.id)).toEqual([lastKept.id, lastFresh.id]);

    // A second prune finds nothing more to delete.
    expect(await app.app.get(TickScheduler).pruneRuns()).toBe(0);
  });
});
