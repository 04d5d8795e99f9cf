import { ManualClock } from '../../libs/simulator/src/charge-point';
import { SocTrackingService } from '../../src/soc-tracking/soc-tracking.service';
import { SiteSnapshotReader } from '../../src/scheduling/site-snapshot.reader';
import { aSite, aTask, aVehicle } from '../support/fixtures';
import { fleetVehicles, FleetVehicleView, put } from '../support/soc-tracking-helpers';
import { createKey, startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const BATTERY_KWH = 280;
const CONFIGURED_KWH_PER_TASK = 10;

interface DriftView {
  taskKind: string;
  metric: string;
  versus: string;
  currentValue: number;
  referenceValue: number;
  ratio: number;
}
type FleetVehicleWithDrift = FleetVehicleView & { consumptionDrift: DriftView[] };

/** SoC drops (percent of 280 kWh) over five tasks; each set averages to the value in its name. */
const DROPS = {
  'BUS-41': [5, 5.1, 4.9, 5, 5], // 5.0 % = 14.0 kWh
  'BUS-42': [4.8, 4.9, 4.7, 4.8, 4.8], // 4.8 % = 13.44 kWh
  'BUS-43': [5.2, 5.3, 5.1, 5.2, 5.2], // 5.2 % = 14.56 kWh
  'BUS-44': [5, 5.1, 4.9, 5, 5], // 5.0 % = 14.0 kWh
} as const;

/**
 * Consumption learning end to end, on a simulated clock: tasks marked done with telematics SoC readings before and
 * after teach the learner each vehicle's energy per task; a task without stated energy then gets the learned value
 * (fleet API and the scheduler's snapshot), and a vehicle whose consumption rises well above its own history and the
 * fleet's is flagged in the fleet API.
 */
describe('consumption learning: learned task energy and drift flags through the API', () => {
  const clock = new ManualClock(new Date('2026-11-22T00:00:00Z'));
  let app: TestApp;
  let fleetManager: string;
  let dispatcher: string;
  let viewer: string;
  let telemetry: string;
  let siteId: string;
  let round = 0;

  const at = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs).toISOString();
  const fleet = async () => (await fleetVehicles(app, viewer, siteId)) as unknown as Map<string, FleetVehicleWithDrift>;
  const energyOfUnstatedTask = () =>
    app.app.get(SocTrackingService).taskEnergyKwh({ siteId, energyKwhPerVehicle: null, distanceKm: null }, 'apron-bus');

  /** One 20-minute task served by these vehicles, with a reading before and after it, marked done and assigned. */
  const serveTask = async (dropsPercent: Record<string, number>) => {
    const vehicles = Object.keys(dropsPercent);
    const start = at(0);
    const end = at(20 * MINUTE_MS);
    await clock.advance(25 * MINUTE_MS);
    const task = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, {
          flightRef: `CZ41${String(++round).padStart(2, '0')}-A1`,
          vehiclesNeeded: vehicles.length,
          start,
          end,
          energyKwhPerVehicle: null,
          distanceKm: null,
          status: 'done',
        }),
      )
      .expect(201);
    const readings = vehicles.flatMap((vehicle) => [
      { vehicle, time: start, socPercent: 90 },
      { vehicle, time: end, socPercent: 90 - dropsPercent[vehicle] },
    ]);
    await app
      .http(telemetry)
      .post('/api/v1/telemetry')
      .send({ readings })
      .expect(200, { accepted: readings.length, duplicates: 0, rejected: [] });
    const assigned = await put(app, dispatcher, `/api/v1/tasks/${task.body.id}/vehicles`)
      .send({ vehicles })
      .expect(200);
    // Every vehicle's drop was taken to the learner.
    expect(assigned.body.map((a: { observedAt: string | null }) => a.observedAt)).toEqual(
      vehicles.map(() => expect.any(String)),
    );
    await clock.advance(5 * MINUTE_MS);
  };

  beforeAll(async () => {
    process.env.APRON_FLEET_PERSIST_DELAY_MS = '50';
    process.env.APRON_FLEET_TASK_POLL_MS = '0';
    app = await startTestApp({ clock });
    fleetManager = await createKey(app, 'fleet-manager');
    dispatcher = await createKey(app, 'dispatcher');
    viewer = await createKey(app, 'viewer');
    telemetry = await createKey(app, 'telemetry');
    siteId = (
      await app
        .http(fleetManager)
        .post('/api/v1/sites')
        .send(aSite({ code: 'FS-LEARN' }))
        .expect(201)
    ).body.id as string;
    for (const fleetNumber of Object.keys(DROPS)) {
      await app
        .http(fleetManager)
        .post('/api/v1/vehicles')
        .send(
          aVehicle(siteId, {
            fleetNumber,
            batteryKwh: BATTERY_KWH,
            chargeEfficiency: 1,
            consumptionKwhPerTask: CONFIGURED_KWH_PER_TASK,
          }),
        )
        .expect(201);
    }
    // A task later in the day that states no energy, for BUS-41 and BUS-42.
    const later = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, {
          flightRef: 'CZ4900-A1',
          vehiclesNeeded: 2,
          start: at(20 * HOUR_MS),
          end: at(20.5 * HOUR_MS),
          energyKwhPerVehicle: null,
          distanceKm: null,
        }),
      )
      .expect(201);
    await put(app, dispatcher, `/api/v1/tasks/${later.body.id}/vehicles`)
      .send({ vehicles: ['BUS-41', 'BUS-42'] })
      .expect(200);
  });
  afterAll(async () => {
    await app.close();
  });

  it('before anything is learned, a task without stated energy gets the configured consumption', async () => {
    const bus = (await fleet()).get('BUS-41')!;
    expect(bus.nextTask).toMatchObject({
      flightRef: 'CZ4900-A1',
      energyKwh: CONFIGURED_KWH_PER_TASK,
      energySource: 'vehicle-config',
    });
    expect(await energyOfUnstatedTask()).toMatchObject({
      energyKwh: CONFIGURED_KWH_PER_TASK,
      source: 'fleet-default',
    });
  });

  it("after five observed tasks, the task gets each vehicle's learned energy, and the scheduler the fleet's", async () => {
    for (let i = 0; i < 5; i++) {
      await serveTask(Object.fromEntries(Object.entries(DROPS).map(([vehicle, drops]) => [vehicle, drops[i]])));
    }
    const vehicles = await fleet();
    expect(vehicles.get('BUS-41')!.nextTask).toMatchObject({
      flightRef: 'CZ4900-A1',
      energyKwh: expect.closeTo(14, 6),
      energySource: 'learned-per-task',
    });
    expect(vehicles.get('BUS-42')!.nextTask).toMatchObject({
      energyKwh: expect.closeTo(13.44, 6),
      energySource: 'learned-per-task',
    });
    // Without a vehicle (the tick's planner input): the median of the four vehicles learned, 13.44/14/14/14.56 kWh.
    expect(await energyOfUnstatedTask()).toMatchObject({ energyKwh: expect.closeTo(14, 6), source: 'fleet-learned' });
    const { snapshot } = await app.app.get(SiteSnapshotReader).read(siteId, clock.now(), 24);
    expect(snapshot.tasks.find((task) => task.flightRef === 'CZ4900-A1')!.energyKwhPerVehicle).toBeCloseTo(14, 6);
    for (const vehicle of vehicles.values()) expect(vehicle.consumptionDrift).toEqual([]);
  });

  it('flags a vehicle whose consumption rises well above its own history and the fleet, and no other', async () => {
    // BUS-44 alone: fifteen more normal tasks make its own baseline (the first 20), and no flag is raised by them.
    for (let i = 0; i < 15; i++) await serveTask({ 'BUS-44': DROPS['BUS-44'][i % 5] });
    for (const vehicle of (await fleet()).values()) expect(vehicle.consumptionDrift).toEqual([]);

    // Then it needs 7.5 % (21 kWh) per task, half again as much, six times over.
    for (let i = 0; i < 6; i++) await serveTask({ 'BUS-44': 7.5 });
    const vehicles = await fleet();
    const drift = vehicles.get('BUS-44')!.consumptionDrift;
    expect(drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          versus: 'own-baseline',
          metric: 'kwh-per-task',
          referenceValue: expect.closeTo(14, 6),
        }),
        expect.objectContaining({ versus: 'fleet', metric: 'kwh-per-task', referenceValue: expect.closeTo(14, 6) }),
      ]),
    );
    expect(drift).toHaveLength(2);
    for (const finding of drift) {
      expect(finding.taskKind).toBe('apron-bus');
      expect(finding.ratio).toBeGreaterThan(1.2);
      expect(finding.currentValue).toBeCloseTo(finding.referenceValue * finding.ratio, 6);
    }
    for (const fleetNumber of ['BUS-41', 'BUS-42', 'BUS-43']) {
      expect(vehicles.get(fleetNumber)!.consumptionDrift).toEqual([]);
    }
  });
});
