import { ManualClock } from '../../libs/simulator/src/charge-point';
import { Pacer } from '../../src/demo/pacer';
import { localTime } from '../../src/demo/sites/guangdong-time';
import { DemoWorld } from '../../src/demo/world/demo-world';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

/**
 * The machinery of `npm run demo` (issue 7), headless and reduced: a small airport depot and highway service area are
 * seeded through the admin API, their virtual chargers connect over OCPP, and 90 simulated minutes of the morning
 * wave run on the service's clock, a scheduling tick every 5 simulated minutes.
 */
const MINUTES = 90;
const TICK_EVERY_MINUTES = 5;
/** Fast, yet real time enough between simulated minutes for the service's batched writes. */
const SPEED = 600;
const ROUNDING_KW = 1;

describe('demo world: simulated sites against the real service', () => {
  const clock = new ManualClock(localTime('2026-10-01', '07:00'));
  let app: TestApp;
  let world: DemoWorld;
  const solveErrors: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ clock });
    world = await DemoWorld.create({
      baseUrl: app.baseUrl,
      adminToken: ADMIN_TOKEN,
      clock,
      seed: 3,
      hours: MINUTES / 60,
      airportSize: {
        buses: 6,
        chargers: 3,
        tasksPerDay: 110,
        gridLimitKw: 400,
        baseLoadKw: 50,
        // Just above the 20 % reserve, with gaps between the wave's tasks: a bus must charge between tasks to serve the
        // next one. Higher, a good plan rightly waits for the night's valley price and no bus charges in the window.
        initialSocPercent: [21, 26],
      },
      highwaySize: { chargers: 2, connectorsPerCharger: 2, evsPerDay: 200, gridLimitKw: 200, baseLoadKw: 20 },
      scheduleAheadHours: 3,
      boardEveryMinutes: 1,
    });
    const pacer = new Pacer(SPEED);
    pacer.start();
    while (world.elapsedMinutes < MINUTES) {
      if (world.elapsedMinutes % TICK_EVERY_MINUTES === 0) {
        await world.solveNow().catch((error: Error) => solveErrors.push(error.message));
      }
      await world.step();
      await pacer.keepPace(world.elapsedMinutes * 60_000);
    }
  }, 90_000);

  afterAll(async () => {
    await world?.stop();
    await app?.close();
  });

  it('ran without errors in the simulation or the ticks', () => {
    expect(world.errors).toEqual([]);
    expect(solveErrors).toEqual([]);
  });

  it('booted every virtual charger over OCPP, 1.6 and 2.0.1', async () => {
    expect(world.chargePoints.map((cp) => cp.registration)).toEqual(world.chargePoints.map(() => 'Accepted'));
    const versions = new Set<string>();
    for (const cp of world.chargePoints) {
      const state = await app.http(ADMIN_TOKEN).get(`/api/v1/chargers/${cp.identity}/connection`).expect(200);
      expect({ id: cp.identity, online: state.body.online }).toEqual({ id: cp.identity, online: true });
      versions.add(state.body.ocppVersion);
    }
    expect(versions.size).toBe(2);
  });

  it('sent the buses the plan assigned: tasks were served by the vehicles the board named', async () => {
    const counts = world.airport.ledger.counts();
    expect(counts.due).toBeGreaterThanOrEqual(3);
    expect(counts.onTime + counts.late).toBeGreaterThan(0);
    expect(counts.onTime).toBeGreaterThanOrEqual(counts.due - 1);
    const board = await app
      .http(ADMIN_TOKEN)
      .get(`/api/v1/sites/${world.airportSiteId}/tasks?from=${localTime('2026-10-01', '07:00').toISOString()}`)
      .expect(200);
    const served = (board.body.items as { flightRef: string }[]).filter(
      (row) => world.airport.depot.servedBy(row.flightRef).length > 0,
    );
    expect(served.length).toBeGreaterThan(0);
  });

  it('took its work from flights: an SSIM schedule and the live feed, every airport task a flight task', async () => {
    const flights = (await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${world.airportSiteId}/flights`).expect(200))
      .body as { taskIds: string[]; delayMinutes: number; estimatedTime: string | null }[];
    expect(flights.length).toBeGreaterThan(10);
    // Flights at contact stands need no bus; the others have their task.
    expect(flights.filter((flight) => flight.taskIds.length === 1).length).toBeGreaterThan(flights.length / 2);
    // The feed's updates due in the run (90 minutes before each flight) arrived.
    expect(flights.some((flight) => flight.estimatedTime !== null && flight.delayMinutes > 0)).toBe(true);
    const board = await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${world.airportSiteId}/tasks`).expect(200);
    for (const row of board.body.items as { flight: { flight: string } | null }[]) expect(row.flight).not.toBeNull();
  });

  it('buses drew energy on their tasks and charged again after them', () => {
    expect(world.airport.consumedKwh).toBeGreaterThan(0);
    expect(world.airport.busesRechargedAfterTask().length).toBeGreaterThan(0);
    expect(world.airportMeter.chargedKwh).toBeGreaterThan(0);
  });

  it('kept both sites within their grid limits, metered every simulated minute', () => {
    for (const meter of [world.airportMeter, world.highwayMeter]) {
      expect(meter.samples).toHaveLength(MINUTES);
      expect(meter.peakKw).toBeLessThanOrEqual(meter.gridLimitKw + ROUNDING_KW);
      expect(meter.peakInstantKw).toBeLessThanOrEqual(meter.gridLimitKw + ROUNDING_KW);
    }
  });

  it('charged the public EVs at the highway site, which left with energy', () => {
    const counts = world.highway.counts();
    expect(counts.arrived).toBeGreaterThan(0);
    expect(counts.deliveredKwh).toBeGreaterThan(0);
    expect(world.highway.energyOfDepartedKwh().some((kwh) => kwh > 0)).toBe(true);
  });
});
