import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { Clock } from '../../src/common/clock';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { browserTestsRun, launchChromium } from './chromium';
import { BUSES, DashboardSite, seedDashboardSite } from './dashboard-site';

const ROOT = join(__dirname, '..', '..');
/**
 * The service runs nine hours behind the browser, as under npm run demo's simulated day: the page must place tasks,
 * the "now" line and metered power by the service's clock, never the browser's.
 */
const SERVICE_LAG_MS = 9 * 3600_000;
const serviceClock: Clock = { now: () => new Date(Date.now() - SERVICE_LAG_MS) };
const ARTIFACTS = join(ROOT, 'test-artifacts');

interface TaskBoardItem {
  flightRef: string;
  pinnedVehicles: string[];
  assigned: { vehicle: string }[];
  atRisk: boolean;
}

jest.setTimeout(180_000);

(browserTestsRun() ? describe : describe.skip)('dashboard in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let site: DashboardSite;
  let dispatcher: string;
  let viewer: string;
  const pageErrors: string[] = [];
  const base = () => `/api/v1/sites/${site.siteId}`;

  const taskBoard = async (): Promise<Map<string, TaskBoardItem>> => {
    const from = new Date(serviceClock.now().getTime() - 3600_000).toISOString();
    const response = await app.http(viewer).get(`${base()}/tasks?from=${from}&limit=500`).expect(200);
    return new Map((response.body.items as TaskBoardItem[]).map((task) => [task.flightRef, task]));
  };

  beforeAll(async () => {
    browser = await launchChromium();
    app = await startTestApp({ clock: serviceClock });
    dispatcher = await createKey(app, 'dispatcher');
    viewer = await createKey(app, 'viewer');
    site = await seedDashboardSite(app, 'DASH-T2', serviceClock);
    const solved = await app.http(dispatcher).post(`${base()}/solve-now`).expect(200);
    expect(solved.body.ran).toBe(true);
    page = await browser.newPage({ viewport: { width: 1440, height: 1200 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // The wrong key's 401 is expected (Chromium logs every failed request); anything else is a page bug.
      if (message.type() === 'error' && !/status of 401/.test(message.text())) pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    for (const client of site?.clients ?? []) await client.close({ force: true });
    await app?.close();
  });

  it('serves the page and its scripts without a key, under a policy that keeps scripts and data same-origin', async () => {
    const html = await app.http().get('/').expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-security-policy']).toContain("script-src 'self'");
    expect(html.text).toContain('<script type="module" src="/dashboard/app.js"></script>');
    const script = await app.http().get('/dashboard/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.text).toContain("from './api.js'");
    await app.http().get('/dashboard/vendor/uPlot.iife.min.js').expect(200);
    await app.http().get('/dashboard/vendor/uPlot.min.css').expect(200);
    await app.http().get('/dashboard/..%2F..%2F..%2Fpackage.json').expect(404);
    await app.http().get('/dashboard/vendor/package.json').expect(404);
    await app.http().get('/dashboard/app.ts').expect(404);
  });

  it("needs a key for the site's dashboard view, which gathers plan, tariff bands, metered power and chargers", async () => {
    await app.http().get(`${base()}/dashboard`).expect(401);
    const view = (await app.http(viewer).get(`${base()}/dashboard`).expect(200)).body;
    expect(view.site).toMatchObject({ code: 'DASH-T2', gridLimitKw: 2000, baseLoadKw: 100, currency: 'CNY' });
    expect(view.plan.boundaries).toHaveLength(view.plan.sitePowerKw.length + 1);
    expect(view.plan.soc.map((row: { vehicleId: string }) => row.vehicleId)).toEqual(expect.arrayContaining(BUSES));
    expect(view.tariffBands.length).toBeGreaterThan(0);
    expect(view.tariffBands.at(-1).to).toBe(view.plan.boundaries.at(-1));
    expect(view.meteredPower.points.some((point: { kw: number | null }) => point.kw !== null && point.kw > 0)).toBe(
      true,
    );
    const chargers = new Map(view.chargers.map((c: { chargePointId: string }) => [c.chargePointId, c]));
    expect(chargers.get('DASH-CP1')).toMatchObject({
      online: true,
      connectors: [{ status: 'Available' }, { status: 'Available' }],
    });
    expect(chargers.get('DASH-CP2')).toMatchObject({
      online: true,
      connectors: [{}, { status: 'Faulted', errorCode: 'GroundFailure' }],
    });
    expect(chargers.get('DASH-CP3')).toMatchObject({ online: false, connectors: [{ status: null }, { status: null }] });
  });

  it('asks for a key, refuses a wrong one, and after sign-in shows the tasks with their vehicles, and the fleet', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.locator('#signin').waitFor({ state: 'visible' });
    await page.fill('#token', 'apron_not-a-real-key');
    await page.click('#signin button[type=submit]');
    await expectText(page, '#signin-error', /not accepted/);

    await page.fill('#token', dispatcher);
    await page.click('#signin button[type=submit]');
    await page.locator('#board').waitFor({ state: 'visible' });
    expect(await page.locator('#site option:checked').textContent()).toContain('DASH-T2');

    const board = await taskBoard();
    for (const task of board.values()) {
      await page.locator(`.bar[data-task="${task.flightRef}"]`).first().waitFor();
      for (const { vehicle } of task.assigned) {
        await page.locator(`.bar[data-task="${task.flightRef}"][data-vehicle="${vehicle}"]`).waitFor();
      }
    }
    // Three tractors needed, two exist: the task is at risk on the page as in the API.
    expect(board.get('DASH-105')!.atRisk).toBe(true);
    await page.locator('.gantt-row[data-row^="unassigned"] .bar.risk[data-task="DASH-105"]').waitFor();

    const rows = page.locator('#vehicles tbody tr');
    expect(await rows.count()).toBe(7);
    expect(await page.locator('#vehicles tbody tr[data-vehicle="BUS-03"]').textContent()).toContain('45 %');
    await page.locator('[data-charger="DASH-CP2"] .connector[data-status="Faulted"]').waitFor();
    expect(await page.locator('[data-charger="DASH-CP3"]').getAttribute('class')).not.toContain('online');
    await expectText(page, '#alerts', /DASH-CP3 is offline/);
    expect(await page.locator('#power-chart canvas').count()).toBe(1);
    expect(await page.locator('#soc-chart canvas').count()).toBe(1);
    await expectText(page, '#tariff-legend', /peak 1\.02 CNY\/kWh/);
    // Signed in for this tab only: the key is in sessionStorage, and in no URL. (Browser code as strings: the tests
    // compile without DOM types.)
    expect(await page.evaluate("sessionStorage.getItem('apron.apiKey')")).toBe(dispatcher);
    expect(page.url()).not.toContain(dispatcher);
    await page.locator('#live[data-state="live"]').waitFor();
  });

  it('pins a vehicle on a task and takes another out of service from the page; both hold in the API and the next plan', async () => {
    const before = await taskBoard();
    const served = before.get('DASH-102')!.assigned.map((a) => a.vehicle);
    const pinned = BUSES.slice(0, 4).find((bus) => !served.includes(bus))!;

    await page.locator('.bar[data-task="DASH-102"]').first().click();
    await expectText(page, '#task-name', /DASH-102/);
    await page.selectOption('#override-vehicle', pinned);
    await page.click('#pin');
    await page.locator(`#task-pinned [data-chip="${pinned}"]`).waitFor();
    expect((await taskBoard()).get('DASH-102')!.pinnedVehicles).toEqual([pinned]);

    await page.click('#vehicles tr[data-vehicle="BUS-05"] button[data-action="out-of-service"]');
    await page.locator('#vehicles tr[data-vehicle="BUS-05"] button[data-action="in-service"]').waitFor();
    await expectText(page, '#vehicles tr[data-vehicle="BUS-05"] .status', /out-of-service/);
    const vehicles = (await app.http(viewer).get(`${base()}/vehicles`).expect(200)).body.items;
    expect(vehicles.find((v: { fleetNumber: string }) => v.fleetNumber === 'BUS-05')).toMatchObject({
      inService: false,
    });
    const audit = (await app.http(viewer).get(`${base()}/overrides`).expect(200)).body.items;
    expect(audit.map((o: { kind: string }) => o.kind)).toEqual(expect.arrayContaining(['pin', 'out-of-service']));

    // The stream (fetch with the key in a header) brought both overrides to the page.
    await page.locator('#events li[data-event="override"]').nth(1).waitFor();

    await page.click('#solve-now');
    await page.locator(`.bar[data-task="DASH-102"][data-vehicle="${pinned}"]`).waitFor();
    await page.locator('.gantt-row[data-row="vehicle:BUS-05"] .bar').waitFor({ state: 'detached' });
    const plan = (await app.http(viewer).get(`${base()}/plan`).expect(200)).body;
    expect(plan.result.assignments).toEqual(expect.arrayContaining([{ taskId: 'DASH-102', vehicleId: pinned }]));
    expect(plan.input.vehicles.map((v: { id: string }) => v.id)).not.toContain('BUS-05');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  it('signs out, forgetting the key', async () => {
    await page.click('#sign-out');
    await page.locator('#signin').waitFor({ state: 'visible' });
    expect(
      await page.evaluate("sessionStorage.getItem('apron.apiKey') ?? localStorage.getItem('apron.apiKey')"),
    ).toBeNull();
    expect(pageErrors).toEqual([]);
  });
});

async function expectText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  const locator = page.locator(selector);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = (await locator.first().textContent()) ?? '';
    if (pattern.test(text)) return;
    if (Date.now() > deadline) throw new Error(`${selector}: expected ${pattern}, got ${JSON.stringify(text)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
