import { BOOT_16, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { parsePrometheusText, seriesValue } from '../support/prometheus-text';
import { put } from '../support/soc-tracking-helpers';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { createDispatchSite, DispatchSite, taskAt } from './dispatch-site';
import { StreamReader } from './sse-reader';

interface Run {
  status: string;
  input: { start: string; slots: { minutes: number; count: number }[]; chargers: { id: string }[] };
  result: {
    slotStarts: string[];
    assignments: { taskId: string; vehicleId: string }[];
    charging: { vehicleId?: string; chargerId: string; kw: number[] }[];
    soc: { vehicleId?: string; percent: number[] }[];
  };
}

interface TaskRow {
  id: string;
  flightRef: string;
}

interface VehicleRow {
  fleetNumber: string;
  status: string;
  onTask: string | null;
}

/** The plan's SoC of a vehicle at the last slot boundary at or before `iso`. */
function socAt(run: Run, vehicleId: string, iso: string): number {
  const slotMs = run.input.slots.flatMap((group) => Array(group.count).fill(group.minutes * 60_000));
  const boundaries = [Date.parse(run.input.start)];
  for (const ms of slotMs) boundaries.push(boundaries.at(-1)! + ms);
  const index = boundaries.filter((ms) => ms <= Date.parse(iso)).length - 1;
  return run.result.soc.find((row) => row.vehicleId === vehicleId)!.percent[index];
}

describe('dispatch: task board, vehicles, alerts and metrics against the plan', () => {
  let app: TestApp;
  let dispatcher: string;
  let viewer: string;
  let site: DispatchSite;
  let client: TestRpcClient;
  let run: Run;
  const base = () => `/api/v1/sites/${site.siteId}`;

  beforeAll(async () => {
    app = await startTestApp();
    dispatcher = await createKey(app, 'dispatcher');
    viewer = await createKey(app, 'viewer');
    const fleetManager = await createKey(app, 'fleet-manager');
    site = await createDispatchSite(app, 'DISP-BOARD', { buses: ['BUS-01', 'BUS-02', 'BUS-03'] }, [
      taskAt('', 'BOARD-1', 2, { vehiclesNeeded: 2, energyKwhPerVehicle: 30 }),
      taskAt('', 'BOARD-LATER', 30),
    ]);
    await registerCharger(app, fleetManager, 'DISP-CP1', { siteId: site.siteId });
    await registerCharger(app, fleetManager, 'DISP-CP2', { siteId: site.siteId });
    client = ocppClient(app, 'DISP-CP1', 'ocpp1.6');
    // An obedient charger: one that refuses Apron's profiles is alerted on as uncontrolled (issue 15).
    client.handle('SetChargingProfile', async () => ({ status: 'Accepted' }));
    await client.connect();
    await client.call('BootNotification', BOOT_16);
    const solved = await app.http(dispatcher).post(`${base()}/solve-now`).expect(200);
    run = solved.body.run as Run;
  });
  afterAll(async () => {
    await client.close({ force: true });
    await app.close();
  });

  const metricValue = async (name: string, labels: Record<string, string> = {}) =>
    seriesValue(parsePrometheusText((await app.http().get('/metrics').expect(200)).text), name, labels);

  it('plans with the connected charger only', () => {
    expect(run.input.chargers.map((charger) => charger.id)).toEqual(['DISP-CP1']);
  });

  it('shows each task in the window with its assigned vehicles and their predicted SoC at start', async () => {
    const board = (await app.http(viewer).get(`${base()}/tasks`).expect(200)).body;
    expect(board.plan).toMatchObject({ applied: 'new', planRunId: expect.any(String) });
    expect(board.items.map((task: { flightRef: string }) => task.flightRef)).toEqual(['BOARD-1']);
    const [task] = board.items;
    const planned = run.result.assignments.filter((a) => a.taskId === 'BOARD-1').map((a) => a.vehicleId);
    expect(planned).toHaveLength(2);
    expect(task).toMatchObject({ inPlan: true, missingVehicles: 0, pinnedVehicles: [], forbiddenVehicles: [] });
    expect(task.assigned.map((v: { vehicle: string }) => v.vehicle).sort()).toEqual([...planned].sort());
    for (const vehicle of task.assigned) {
      expect(vehicle.reservePercent).toBe(20);
      expect(vehicle.predictedSocPercentAtStart).toBeCloseTo(socAt(run, vehicle.vehicle, task.start), 1);
      expect(vehicle.belowReserve).toBe(vehicle.predictedSocPercentAtStart < 19.95);
    }
    expect(task.atRisk).toBe(task.assigned.some((v: { belowReserve: boolean }) => v.belowReserve));

    const later = await app
      .http(viewer)
      .get(`${base()}/tasks?from=${new Date(Date.now() + 20 * 3600_000).toISOString()}`)
      .expect(200);
    expect(later.body.items).toHaveLength(1);
    expect(later.body.items[0]).toMatchObject({ flightRef: 'BOARD-LATER', inPlan: false, assigned: [] });
    const backwards = await app.http(viewer).get(`${base()}/tasks?from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z`);
    expect(backwards.status).toBe(400);
  });

  it('tells which vehicle must drive to which charger by when, and its next assignment', async () => {
    const vehicles = (await app.http(viewer).get(`${base()}/vehicles`).expect(200)).body.items as {
      fleetNumber: string;
      status: string;
      nextAssignment: { taskId: string } | null;
      nextCharge: { chargerId: string; by: string; text: string } | null;
    }[];
    expect(vehicles.map((vehicle) => vehicle.fleetNumber)).toEqual(['BUS-01', 'BUS-02', 'BUS-03']);
    const charged = run.result.charging.filter((row) => row.vehicleId && row.kw.some((kw) => kw > 0));
    expect(charged.length).toBeGreaterThan(0);
    for (const row of charged) {
      const vehicle = vehicles.find((candidate) => candidate.fleetNumber === row.vehicleId)!;
      const firstSlot = row.kw.findIndex((kw) => kw > 0);
      expect(vehicle.nextCharge!.chargerId).toBe('DISP-CP1');
      expect(Date.parse(vehicle.nextCharge!.by)).toBe(Date.parse(run.result.slotStarts[firstSlot]));
      expect(vehicle.nextCharge!.text).toMatch(new RegExp(`^${row.vehicleId} to DISP-CP1 by \\d\\d:\\d\\d$`));
    }
    for (const assignment of run.result.assignments) {
      const vehicle = vehicles.find((candidate) => candidate.fleetNumber === assignment.vehicleId)!;
      expect(vehicle.nextAssignment).toMatchObject({ taskId: 'BOARD-1' });
    }
    expect(vehicles.every((vehicle) => ['idle', 'charging'].includes(vehicle.status))).toBe(true);
  });

  it("shows when vehicles must leave (the site's departure lead before the start) and plans their SoC then", async () => {
    const fleetManager = await createKey(app, 'fleet-manager');
    await app.http(fleetManager).patch(base()).send({ departureLeadMinutes: 15 }).expect(200);
    try {
      const led = (await app.http(dispatcher).post(`${base()}/solve-now`).expect(200)).body.run as Run & {
        input: { tasks: { id: string; start: string; end: string }[] };
      };
      const [task] = (await app.http(viewer).get(`${base()}/tasks`).expect(200)).body.items;
      expect(task.flightRef).toBe('BOARD-1');
      expect(Date.parse(task.start) - Date.parse(task.departAt)).toBe(15 * 60_000);
      expect(led.input.tasks.find((t) => t.id === 'BOARD-1')).toMatchObject({ start: task.departAt, end: task.end });
      expect(task.assigned).toHaveLength(2);
      for (const vehicle of task.assigned) {
        expect(vehicle.predictedSocPercentAtStart).toBeCloseTo(socAt(led, vehicle.vehicle, task.departAt), 1);
      }
      const vehicles = (await app.http(viewer).get(`${base()}/vehicles`).expect(200)).body.items as {
        fleetNumber: string;
        nextAssignment: { taskId: string; departAt: string; start: string } | null;
      }[];
      const assigned = vehicles.filter((vehicle) => vehicle.nextAssignment?.taskId === 'BOARD-1');
      expect(assigned.map((vehicle) => vehicle.nextAssignment)).toEqual([
        { taskId: 'BOARD-1', departAt: task.departAt, start: task.start, end: task.end },
        { taskId: 'BOARD-1', departAt: task.departAt, start: task.start, end: task.end },
      ]);
    } finally {
      await app.http(fleetManager).patch(base()).send({ departureLeadMinutes: 0 }).expect(200);
      await app.http(dispatcher).post(`${base()}/solve-now`).expect(200);
    }
    const [task] = (await app.http(viewer).get(`${base()}/tasks`).expect(200)).body.items;
    expect(task.departAt).toBe(task.start);
  });

  it('derives current alerts: the charger that never connected is offline', async () => {
    const alerts = (await app.http(viewer).get(`${base()}/alerts`).expect(200)).body;
    expect(alerts.current).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'charger-offline', chargerId: 'DISP-CP2' })]),
    );
    expect(alerts.current.map((alert: { chargerId?: string }) => alert.chargerId)).not.toContain('DISP-CP1');
    expect(Array.isArray(alerts.recent)).toBe(true);
  });

  it('serves /metrics without a key in Prometheus text with tick, solve, OCPP and site power metrics', async () => {
    const response = await app.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const families = parsePrometheusText(response.text);
    const value = (name: string, labels: Record<string, string> = {}) => {
      const found = seriesValue(families, name, labels);
      if (found === undefined) throw new Error(`${name} ${JSON.stringify(labels)} missing from:\n${response.text}`);
      return found;
    };
    const site_id = site.siteId;
    expect(families.find((family) => family.name === 'apron_tick_duration_seconds')?.type).toBe('histogram');
    expect(value('apron_tick_duration_seconds_count', { site_id })).toBeGreaterThanOrEqual(1);
    expect(value('apron_tick_duration_seconds_sum', { site_id })).toBeGreaterThan(0);
    expect(value('apron_solve_duration_seconds_count', { site_id })).toBeGreaterThanOrEqual(1);
    // Counted under the solve's own status (optimal, or feasible when the near-window MIP hit its time cap).
    expect(value('apron_solves_total', { site_id, applied: 'new', status: run.status })).toBeGreaterThanOrEqual(1);
    expect(value('apron_plan_age_seconds', { site_id })).toBeGreaterThanOrEqual(0);
    expect(value('apron_ocpp_chargers_connected')).toBe(1);
    expect(value('apron_ocpp_events_total', { type: 'charger.booted' })).toBe(1);
    expect(value('apron_site_grid_limit_watts', { site_id })).toBe(2_000_000);
    // Planned charging plus the site's 100 kW base load, within the grid limit.
    const powerWatts = value('apron_site_power_watts', { site_id });
    expect(powerWatts).toBeGreaterThanOrEqual(100_000);
    expect(powerWatts).toBeLessThanOrEqual(2_000_000);
  });

  it('shows the live SoC estimate and warns of a vehicle below its reserve now', async () => {
    const telemetry = await createKey(app, 'telemetry');
    const time = new Date(Date.now() - 60_000).toISOString();
    await app
      .http(telemetry)
      .post('/api/v1/telemetry')
      .send({ readings: [{ vehicle: 'BUS-03', time, socPercent: 12 }] })
      .expect(200);
    const vehicles = (await app.http(viewer).get(`${base()}/vehicles`).expect(200)).body.items;
    const bus3 = vehicles.find((vehicle: { fleetNumber: string }) => vehicle.fleetNumber === 'BUS-03');
    expect(bus3.socPercentEstimate).toBeCloseTo(12, 0);
    const alerts = (await app.http(viewer).get(`${base()}/alerts`).expect(200)).body.current;
    expect(alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'vehicle-below-reserve', vehicleId: 'BUS-03', severity: 'critical' }),
      ]),
    );
  });

  it("shows a bus recorded as gone for a task on that task from the site's departure lead before its start", async () => {
    const telemetry = await createKey(app, 'telemetry');
    const time = new Date(Date.now() - 60_000).toISOString();
    await app
      .http(telemetry)
      .post('/api/v1/telemetry')
      .send({ readings: [{ vehicle: 'BUS-02', time, socPercent: 80 }] })
      .expect(200);
    const tasks = (await app.http(viewer).get(`${base()}/tasks`).expect(200)).body.items as TaskRow[];
    const later = tasks.find((task) => task.flightRef === 'BOARD-1')!;
    await put(app, dispatcher, `/api/v1/tasks/${later.id}/vehicles`)
      .send({ vehicles: ['BUS-02'] })
      .expect(200);
    const bus2 = async () =>
      ((await app.http(viewer).get(`${base()}/vehicles`).expect(200)).body.items as VehicleRow[]).find(
        (vehicle) => vehicle.fleetNumber === 'BUS-02',
      )!;
    // BOARD-1 starts in 2 h: with no lead the bus is not away yet; with a 2 h lead it left for it.
    expect((await bus2()).onTask).toBeNull();
    const fleetManager = await createKey(app, 'fleet-manager');
    await app.http(fleetManager).patch(base()).send({ departureLeadMinutes: 120 }).expect(200);
    expect(await bus2()).toMatchObject({ status: 'on-task', onTask: 'BOARD-1' });
  });

  it('warns on the stream at once when a charger drops off, and counts it out of the connected chargers', async () => {
    const stream = new StreamReader(`${app.baseUrl}${base()}/stream`, { Authorization: `Bearer ${viewer}` });
    try {
      await stream.waitFor((frame) => frame.comment === 'connected');
      await client.close({ force: true });
      const raised = await stream.waitFor((frame) => frame.event === 'alert.raised');
      expect(JSON.parse(raised.data!)).toMatchObject({
        siteId: site.siteId,
        alert: { code: 'charger-offline', chargerId: 'DISP-CP1' },
      });
      expect(await metricValue('apron_ocpp_chargers_connected')).toBe(0);
      const alerts = (await app.http(viewer).get(`${base()}/alerts`).expect(200)).body.current;
      expect(alerts.map((alert: { chargerId?: string }) => alert.chargerId)).toEqual(
        expect.arrayContaining(['DISP-CP1', 'DISP-CP2']),
      );
    } finally {
      stream.close();
    }
  });
});
