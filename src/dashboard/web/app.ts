import { ApiClient, ApiError, tokenStore } from './api.js';
import { Charts } from './charts.js';
import { byId, clockTime, h, toast } from './dom.js';
import { renderGantt } from './gantt.js';
import { describeEvent, followStream } from './live-events.js';
import { renderAlerts, renderChargers, renderTaskDetail, renderVehicles } from './panels.js';
import type { SseFrame } from './sse-parser.js';
import type { AlertRow, DashboardView, SiteData, SiteSummary, TaskRow, VehicleRow } from './types.js';

const SITE_KEY = 'apron.site';
const HOUR_MS = 3600_000;
/** How far ahead the task board reads: a dispatcher's next shift, and a busy day's bars stay wide enough to read. */
const BOARD_AHEAD_HOURS = 8;
/** Events arrive in bursts (plan.applied, assignments.changed, alerts): one refresh after the burst. */
const REFRESH_DEBOUNCE_MS = 300;
/** Without events (a quiet site or a broken stream) the page still refreshes once a minute, as often as a tick. */
const POLL_MS = 60_000;
const MAX_EVENTS = 30;

/** The dashboard: sign-in, site choice, one fetch of everything per refresh, live updates, overrides. */
class Dashboard {
  private client: ApiClient | null = null;
  private siteId: string | null = null;
  private data: SiteData | null = null;
  private selectedTaskId: string | null = null;
  private stream: AbortController | null = null;
  private refreshTimer: number | undefined;
  private pollTimer: number | undefined;
  private refreshSeq = 0;
  private readonly charts = new Charts(byId('power-chart'), byId('soc-chart'), byId('tariff-legend'));

  start(): void {
    byId<HTMLFormElement>('signin-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = byId<HTMLInputElement>('token').value.trim();
      if (!token) return;
      tokenStore.set(token, byId<HTMLInputElement>('remember').checked);
      byId<HTMLInputElement>('token').value = '';
      void this.signIn(token);
    });
    byId('sign-out').addEventListener('click', () => this.signOut(''));
    byId('solve-now').addEventListener('click', () => void this.solveNow());
    byId<HTMLSelectElement>('site').addEventListener('change', (event) => {
      void this.selectSite((event.target as HTMLSelectElement).value);
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.scheduleRefresh();
    });
    const token = tokenStore.get();
    if (token) void this.signIn(token);
    else this.showSignIn('');
  }

  private showSignIn(message: string): void {
    this.stopStream();
    window.clearInterval(this.pollTimer);
    byId('loading').hidden = true;
    byId('board').hidden = true;
    byId('site').hidden = true;
    byId('sign-out').hidden = true;
    byId('solve-now').hidden = true;
    byId('plan-info').textContent = '';
    byId('signin').hidden = false;
    byId('signin-error').textContent = message;
    byId<HTMLInputElement>('token').focus();
  }

  private signOut(message: string): void {
    tokenStore.clear();
    this.client = null;
    this.data = null;
    this.showSignIn(message);
  }

  private async signIn(token: string): Promise<void> {
    const client = new ApiClient(token);
    let sites: SiteSummary[];
    try {
      sites = (await client.get<{ items: SiteSummary[] }>('/api/v1/sites?limit=500')).items;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.signOut('That API key was not accepted.');
      if (error instanceof ApiError && error.status === 403) return this.signOut('This key may not read sites.');
      this.showSignIn(`Cannot reach Apron: ${(error as Error).message}`);
      return;
    }
    this.client = client;
    byId('signin').hidden = true;
    byId('loading').hidden = true;
    byId('sign-out').hidden = false;
    const select = byId<HTMLSelectElement>('site');
    select.replaceChildren(...sites.map((site) => h('option', { value: site.id }, `${site.code} · ${site.name}`)));
    select.hidden = sites.length === 0;
    if (sites.length === 0) {
      byId('plan-info').textContent = 'No sites yet: a fleet manager adds them through the API (/docs).';
      return;
    }
    const wanted = new URLSearchParams(location.hash.slice(1)).get('site') ?? localStorage.getItem(SITE_KEY);
    const siteId = sites.some((site) => site.id === wanted) ? wanted! : sites[0].id;
    select.value = siteId;
    byId('board').hidden = false;
    byId('solve-now').hidden = false;
    window.clearInterval(this.pollTimer);
    this.pollTimer = window.setInterval(() => this.scheduleRefresh(), POLL_MS);
    await this.selectSite(siteId);
  }

  private async selectSite(siteId: string): Promise<void> {
    this.siteId = siteId;
    this.selectedTaskId = null;
    this.data = null;
    localStorage.setItem(SITE_KEY, siteId);
    history.replaceState(null, '', `#site=${encodeURIComponent(siteId)}`);
    byId('events').replaceChildren();
    await this.refresh();
    this.openStream();
  }

  private base(): string {
    return `/api/v1/sites/${encodeURIComponent(this.siteId!)}`;
  }

  private scheduleRefresh(): void {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => void this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  /** Fetches the site's view and boards together and redraws; a slower older refresh never overwrites a newer one. */
  private async refresh(): Promise<void> {
    const client = this.client;
    const siteId = this.siteId;
    if (!client || !siteId) return;
    const seq = ++this.refreshSeq;
    try {
      const vehiclesRead = client.get<{ items: VehicleRow[] }>(`${this.base()}/vehicles`);
      const alertsRead = client.get<{ current: AlertRow[]; recent: AlertRow[] }>(`${this.base()}/alerts`);
      // Awaited below; should the view fail first, their failures are already reported through it.
      for (const read of [vehiclesRead, alertsRead]) read.catch(() => undefined);
      // The task window follows the service's clock, not the browser's: a simulated day (npm run demo) runs hours
      // apart from wall time. Only the tasks wait for the view's clock.
      const view = await client.get<DashboardView>(`${this.base()}/dashboard`);
      const nowMs = Date.parse(view.at);
      const from = new Date(nowMs - HOUR_MS).toISOString();
      const to = new Date(nowMs + BOARD_AHEAD_HOURS * HOUR_MS).toISOString();
      const [tasks, vehicles, alerts] = await Promise.all([
        client.get<{ items: TaskRow[] }>(`${this.base()}/tasks?from=${from}&to=${to}&limit=500`),
        vehiclesRead,
        alertsRead,
      ]);
      if (seq !== this.refreshSeq || siteId !== this.siteId) return;
      this.data = { view, tasks: tasks.items, vehicles: vehicles.items, alerts };
      this.render();
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 401) return this.signOut('The API key is no longer accepted.');
    toast((error as Error).message, 'error');
  }

  private render(): void {
    const data = this.data;
    if (!data) return;
    const { view, tasks, vehicles, alerts } = data;
    const nowMs = Date.parse(view.at);
    const timeZone = view.site.timeZone;
    const plan = view.plan;
    byId('plan-info').textContent = plan
      ? `plan ${plan.applied} · ${plan.status} · ${view.site.gridLimitKw} kW grid · ${timeZone}`
      : 'no plan yet: press Solve now';
    const window = ganttWindow(tasks, nowMs);
    const atRisk = tasks.filter((task) => task.atRisk).length;
    byId('task-count').textContent = `${tasks.length} tasks${atRisk > 0 ? `, ${atRisk} at risk` : ''}`;
    renderGantt(byId('gantt'), tasks, vehicles, window, {
      timeZone,
      nowMs,
      selectedTaskId: this.selectedTaskId,
      onSelect: (taskId) => {
        this.selectedTaskId = taskId;
        this.render();
      },
    });
    const selected = tasks.find((task) => task.id === this.selectedTaskId) ?? null;
    renderTaskDetail(byId('task-detail'), selected, vehicles, timeZone, {
      pin: (task, vehicle) =>
        this.override(`/tasks/${task.id}/pins`, { vehicle }, `Pinned ${vehicle} on ${task.flightRef}`),
      forbid: (task, vehicle) =>
        this.override(`/tasks/${task.id}/forbids`, { vehicle }, `Forbade ${vehicle} on ${task.flightRef}`),
      unpin: (task, vehicle) =>
        this.override(`/tasks/${task.id}/pins/${encodeURIComponent(vehicle)}`, null, `Unpinned ${vehicle}`),
      unforbid: (task, vehicle) =>
        this.override(`/tasks/${task.id}/forbids/${encodeURIComponent(vehicle)}`, null, `Allowed ${vehicle} again`),
    });
    renderVehicles(byId('vehicles').querySelector('tbody')!, vehicles, timeZone, (vehicle) =>
      this.override(
        `/vehicles/${vehicle.id}/${vehicle.inService ? 'out-of-service' : 'in-service'}`,
        {},
        `${vehicle.fleetNumber} ${vehicle.inService ? 'taken out of service' : 'back in service'}`,
      ),
    );
    renderChargers(byId('chargers'), view.chargers);
    renderAlerts(byId('alerts'), alerts);
    this.charts.render(view, vehicles, nowMs);
  }

  /** An override through the dispatch API (POST with a body, DELETE without); the next tick plans with it. */
  private async override(path: string, body: object | null, done: string): Promise<void> {
    if (!this.client) return;
    try {
      if (body === null) await this.client.delete(`${this.base()}${path}`);
      else await this.client.post(`${this.base()}${path}`, body);
      toast(`${done}. The next tick plans with it (or press Solve now).`);
      await this.refresh();
    } catch (error) {
      this.failed(error);
    }
  }

  private async solveNow(): Promise<void> {
    if (!this.client) return;
    const button = byId<HTMLButtonElement>('solve-now');
    button.disabled = true;
    try {
      const outcome = await this.client.post<{ ran: boolean; reason?: string; run?: { status: string } }>(
        `${this.base()}/solve-now`,
      );
      toast(outcome.ran ? `Solved: ${outcome.run?.status}` : `No tick ran: ${outcome.reason}`);
      await this.refresh();
    } catch (error) {
      this.failed(error);
    } finally {
      button.disabled = false;
    }
  }

  private stopStream(): void {
    this.stream?.abort();
    this.stream = null;
    setLive('off', 'offline');
  }

  /** Follows the site's event stream; each event (or a reconnection, which may have missed some) refreshes once. */
  private openStream(): void {
    this.stopStream();
    const controller = new AbortController();
    this.stream = controller;
    void followStream(
      this.client!,
      `${this.base()}/stream`,
      {
        onFrame: (frame) => this.onFrame(frame),
        onState: (state) => setLive(state === 'live' ? 'live' : 'connecting', state),
        onUnauthorized: () => this.signOut('The API key is no longer accepted.'),
        onGap: () => this.scheduleRefresh(),
      },
      controller.signal,
    );
  }

  private onFrame(frame: SseFrame): void {
    if (!frame.event || !frame.data) return;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(frame.data) as Record<string, unknown>;
    } catch {
      return;
    }
    const list = byId('events');
    // Stamped by the service's clock (simulated under npm run demo), never the browser's.
    const at = typeof event.at === 'string' ? event.at : typeof event.tickAt === 'string' ? event.tickAt : null;
    const time = this.data && at ? clockTime(at, this.data.view.site.timeZone) : '';
    list.prepend(h('li', { 'data-event': frame.event }, `${time} ${describeEvent(frame.event, event)}`));
    while (list.childElementCount > MAX_EVENTS) list.lastElementChild!.remove();
    this.scheduleRefresh();
  }
}

/**
 * The timeline runs from half an hour ago to half an hour after the last task ends (the task board reads the next
 * BOARD_AHEAD_HOURS), at least six hours.
 */
function ganttWindow(tasks: TaskRow[], nowMs: number): { fromMs: number; toMs: number } {
  const lastEndMs = Math.max(nowMs, ...tasks.map((task) => Date.parse(task.end)));
  return { fromMs: nowMs - HOUR_MS / 2, toMs: Math.max(lastEndMs + HOUR_MS / 2, nowMs + 6 * HOUR_MS) };
}

function setLive(state: 'off' | 'connecting' | 'live', text: string): void {
  const pill = byId('live');
  pill.dataset.state = state;
  pill.textContent = text;
}

new Dashboard().start();
