import { filter, firstValueFrom, timeout } from 'rxjs';
import { SiteStream } from '../../src/dispatch/stream/site-stream';
import { SiteTickService } from '../../src/scheduling/site-tick.service';
import { ssimFile } from '@apron/flights';
import { eventually } from '../support/ocpp-clients';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';
import { createFlightSite, CSV_HEADER, postFlights, postSchedule } from './flights-site';

/** The service's clock: 05:00 UTC on the flights' day, so their tasks are in the plan's horizon. */
const NOW = new Date('2026-12-08T05:00:00Z');
const DAY = [
  CSV_HEADER,
  'CZ,3101,2026-12-08,arrival,2026-12-08T15:30:00+08:00,R201,172,321',
  'CZ,3102,2026-12-08,departure,2026-12-08T16:00:00+08:00,C01,150,320',
  'CZ,3103,2026-12-08,arrival,2026-12-08T17:00:00+08:00,,,77W',
].join('\n');

interface TaskBody {
  id: string;
  flightRef: string;
  flightId: string | null;
  stand: string | null;
  vehiclesNeeded: number;
  start: string;
  end: string;
  status: string;
  distanceKm: number | null;
  energyKwhPerVehicle: number | null;
  pinnedVehicles: string[];
  version: number;
}

describe('flights (DESIGN.md §8)', () => {
  let app: TestApp;
  let manager: string;
  let feed: string;
  let dispatcher: string;
  let siteId: string;

  const tasks = async (): Promise<Map<string, TaskBody>> => {
    const page = await app.http(manager).get(`/api/v1/tasks?siteId=${siteId}&limit=100`).expect(200);
    return new Map((page.body.items as TaskBody[]).map((task) => [task.flightRef, task]));
  };
  const flightTask = async (number: string, date = '20261208', direction = 'A') =>
    (await tasks()).get(`CZ${number}-${date}-${direction}`);
  const latestRun = async () =>
    (await app.http(manager).get(`/api/v1/sites/${siteId}/plan-runs?limit=1`).expect(200)).body.items[0];
  /**
   * The plan runs after `afterId`, newest first, until one holds the task as `match` says: a re-plan the import
   * asked for may still land first, with the task where it was then; the update's own re-plan must follow it.
   */
  const planWith = async (afterId: string | undefined, taskRef: string, match: (task: object) => boolean) => {
    for (let attempt = 0; attempt < 300; attempt++) {
      const runs = (await app.http(manager).get(`/api/v1/sites/${siteId}/plan-runs?limit=5`).expect(200)).body.items;
      for (const run of runs.filter((r: { id: string }) => r.id !== afterId)) {
        const detail = (await app.http(manager).get(`/api/v1/sites/${siteId}/plan-runs/${run.id}`).expect(200)).body;
        const task = detail.input.tasks.find((t: { id: string }) => t.id === taskRef);
        if (task && match(task)) return detail;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no plan after the flight update has ${taskRef} as expected`);
  };

  beforeAll(async () => {
    app = await startTestApp({ clock: { now: () => NOW } });
    manager = await createKey(app, 'fleet-manager');
    feed = await createKey(app, 'flight-feed');
    dispatcher = await createKey(app, 'dispatcher');
    siteId = await createFlightSite(app, manager, 'FLIGHTS-E2E');
  });
  afterAll(() => app.close());

  it('imports a day: one task per flight at a remote stand, buses from passengers or seats × load factor', async () => {
    const imported = await postSchedule(app, feed, siteId, 'text/csv', DAY).expect(200);
    expect(imported.body).toEqual({ created: 3, updated: 0, unchanged: 0, cancelled: 0, warnings: [] });
    const byRef = await tasks();
    expect([...byRef.keys()].sort()).toEqual(['CZ3101-20261208-A', 'CZ3103-20261208-A']);
    // 172 passengers / 80 = 3 buses; 77W: 350 seats × 0.85 = 298 / 80 = 4 buses (no stand: default remote).
    expect(byRef.get('CZ3101-20261208-A')).toMatchObject({
      vehiclesNeeded: 3,
      stand: 'R201',
      distanceKm: 4.8,
      energyKwhPerVehicle: null,
      // in-block 07:30Z − 5 lead − 6 drive; + 8 boarding + 6 drive + 4 off.
      start: '2026-12-08T07:19:00.000Z',
      end: '2026-12-08T07:48:00.000Z',
    });
    expect(byRef.get('CZ3103-20261208-A')).toMatchObject({ vehiclesNeeded: 4, stand: null });
    const flights = await app
      .http(dispatcher)
      .get(`/api/v1/sites/${siteId}/flights?from=2026-12-08T00:00:00Z&to=2026-12-09T00:00:00Z`)
      .expect(200);
    expect(flights.body.map((f: { number: string; taskIds: string[] }) => [f.number, f.taskIds])).toEqual([
      ['3101', [byRef.get('CZ3101-20261208-A')!.id]],
      ['3102', []],
      ['3103', [byRef.get('CZ3103-20261208-A')!.id]],
    ]);
  });

  it('changes nothing on re-import, and a changed file changes only its changed flight (pins stay)', async () => {
    await app
      .http(manager)
      .post('/api/v1/vehicles')
      .send({ siteId, fleetNumber: 'FL-BUS-1', type: 'apron-bus', batteryKwh: 280, maxChargeKw: 150 })
      .expect(201);
    const pinned = (await flightTask('3103'))!;
    await app
      .http(dispatcher)
      .post(`/api/v1/sites/${siteId}/tasks/${pinned.id}/pins`)
      .send({ vehicle: 'FL-BUS-1' })
      .expect(200);
    const before = await tasks();
    const again = await postSchedule(app, feed, siteId, 'text/csv', DAY).expect(200);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3, cancelled: 0, warnings: [] });
    expect(await tasks()).toEqual(before);

    const changed = DAY.replace('2026-12-08T15:30:00+08:00', '2026-12-08T15:45:00+08:00');
    const result = await postSchedule(app, feed, siteId, 'text/csv', changed).expect(200);
    expect(result.body).toMatchObject({ created: 0, updated: 1, unchanged: 2, cancelled: 0 });
    const after = await tasks();
    expect(after.get('CZ3101-20261208-A')!.start).toBe('2026-12-08T07:34:00.000Z');
    expect(after.get('CZ3103-20261208-A')).toEqual(before.get('CZ3103-20261208-A'));
    expect(after.get('CZ3103-20261208-A')!.pinnedVehicles).toEqual(['FL-BUS-1']);
  });

  // After the changed file above: scheduled 15:45 local (07:45Z).
  it('moves the task of a 40-minute delay, re-plans at once with it there, and tells the stream why', async () => {
    const stream = app.app.get(SiteStream).of(siteId, 60_000);
    const heard = firstValueFrom(
      stream.pipe(
        filter((frame) => frame.type === 'flight.changed'),
        timeout(10_000),
      ),
    );
    const lastRun = (await latestRun())?.id;
    const update = {
      carrier: 'CZ',
      number: '3101',
      operatingDate: '2026-12-08',
      direction: 'arrival',
      estimatedTime: '2026-12-08T16:25:00+08:00',
    };
    const response = await postFlights(app, feed, siteId, [update]).expect(200);
    expect(response.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(response.body.flights[0]).toMatchObject({ delayMinutes: 40, taskIds: [expect.any(String)] });
    const task = (await flightTask('3101'))!;
    expect([task.start, task.end]).toEqual(['2026-12-08T08:14:00.000Z', '2026-12-08T08:43:00.000Z']);

    const board = await app.http(dispatcher).get(`/api/v1/sites/${siteId}/tasks`).expect(200);
    const row = board.body.items.find((item: { id: string }) => item.id === task.id);
    expect(row.flight).toMatchObject({ flight: 'CZ3101', direction: 'arrival', stand: 'R201', delayMinutes: 40 });

    const movedThere = (t: object) => (t as { end: string }).end === '2026-12-08T08:43:00.000Z';
    const plan = await planWith(lastRun, 'CZ3101-20261208-A', movedThere);
    expect(plan.trigger).toBe('flight-update');
    const event = (await heard).data as { reasons: string[]; taskChanges: string[]; taskId: string };
    expect(event).toMatchObject({ taskId: task.id, taskChanges: ['moved'] });
    expect(event.reasons[0]).toMatch(/^delayed 40 min/);
  });

  it('re-plans after a running tick when the request came during it (a plain tick would be skipped)', async () => {
    const ticks = app.app.get(SiteTickService);
    await ticks.requestTick(siteId, 'tick'); // any re-plan an earlier update asked for is over
    const running = ticks.tick(siteId, 'solve-now');
    const skipped = ticks.tick(siteId, 'tick');
    const requested = ticks.requestTick(siteId, 'flight-update');
    const [first, second, third] = await Promise.all([running, skipped, requested]);
    expect(second).toEqual({ ran: false, reason: 'a tick of this site is already running' });
    expect(first.ran && third.ran).toBe(true);
    if (!first.ran || !third.ran) return;
    expect(third.run.trigger).toBe('flight-update');
    expect(third.run.tickAt.getTime()).toBeGreaterThanOrEqual(first.run.tickAt.getTime());
    expect(third.run.id).not.toBe(first.run.id);
  });

  it('follows stand changes, cancellations and more passengers; an unknown flight is created', async () => {
    const key = { carrier: 'CZ', operatingDate: '2026-12-08' };
    await postFlights(app, feed, siteId, [{ ...key, number: '3101', direction: 'arrival', stand: 'C01' }]).expect(200);
    expect((await flightTask('3101'))!.status).toBe('cancelled');
    await postFlights(app, feed, siteId, [{ ...key, number: '3101', direction: 'arrival', stand: 'R202' }]).expect(200);
    expect(await flightTask('3101')).toMatchObject({ status: 'planned', stand: 'R202', distanceKm: 7.2 });
    // Contact -> remote creates the task the departure lacked.
    await postFlights(app, dispatcher, siteId, [
      { ...key, number: '3102', direction: 'departure', stand: 'R201' },
    ]).expect(200);
    expect(await flightTask('3102', '20261208', 'D')).toMatchObject({ status: 'planned', vehiclesNeeded: 2 });
    await postFlights(app, feed, siteId, [
      { ...key, number: '3103', direction: 'arrival', status: 'cancelled' },
    ]).expect(200);
    expect((await flightTask('3103'))!.status).toBe('cancelled');
    await postFlights(app, feed, siteId, [{ ...key, number: '3101', direction: 'arrival', passengers: 300 }]).expect(
      200,
    );
    expect((await flightTask('3101'))!.vehiclesNeeded).toBe(4);

    const created = await postFlights(app, feed, siteId, [
      {
        ...key,
        number: '888',
        direction: 'departure',
        scheduledTime: '2026-12-08T20:00:00+08:00',
        stand: 'X99',
        passengers: 90,
      },
    ]).expect(200);
    expect(created.body).toMatchObject({
      created: 1,
      warnings: [{ line: 0, message: expect.stringContaining('X99') }],
    });
    expect(await flightTask('888', '20261208', 'D')).toMatchObject({ vehiclesNeeded: 2, stand: 'X99' });
  });

  it('rejects bad files and bad updates whole, storing nothing', async () => {
    const count = async () => (await app.http(manager).get(`/api/v1/sites/${siteId}/flights`).expect(200)).body.length;
    const before = await count();
    const missing = await postSchedule(app, feed, siteId, 'text/csv', 'carrier,number\nCZ,1').expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ line: 1, column: 1 })]);
    expect(missing.body.fields).toEqual([expect.objectContaining({ field: 'body' })]);
    const badCsv = `${DAY}\nCZ,9001,2026-12-08,arrival,2026-12-08T18:00:00+08:00,,,\nCZ,9002,2026-13-01,arrival,x,,,`;
    const rejected = await postSchedule(app, feed, siteId, 'text/csv', badCsv).expect(400);
    expect(rejected.body.errors.map((e: { line: number; column: number }) => [e.line, e.column])).toEqual([
      [6, 3],
      [6, 5],
    ]);
    const legs = [
      {
        carrier: 'CZ',
        number: 5,
        periodFrom: '08DEC26',
        periodTo: '01DEC26',
        days: '1234567',
        from: 'PEK',
        departure: '0800',
        departureOffset: '+0800',
        to: 'CAN',
        arrival: '1100',
        arrivalOffset: '+0800',
        aircraftType: '320',
      },
    ];
    const ssim = await postSchedule(app, feed, siteId, 'text/plain', ssimFile('CZ', 'L', legs)).expect(400);
    expect(ssim.body.errors).toEqual([expect.objectContaining({ line: 3, column: 22 })]);
    const early = await postFlights(app, feed, siteId, [
      {
        carrier: 'CZ',
        number: '3101',
        operatingDate: '2026-12-08',
        direction: 'arrival',
        estimatedTime: '2026-12-06T15:30:00+08:00',
      },
    ]).expect(400);
    expect(early.body.fields).toEqual([expect.objectContaining({ field: 'flights.0.estimatedTime' })]);
    await postSchedule(app, feed, siteId, 'application/json', '{}').expect(415);
    expect(await count()).toBe(before);
  });

  it("keeps the site's flight rules with their defaults, and validates them", async () => {
    const site = await app.http(manager).get(`/api/v1/sites/${siteId}`).expect(200);
    expect(site.body).toMatchObject({
      iataCode: 'CAN',
      busCapacityPassengers: 80,
      loadFactor: 0.85,
      seatsByAircraftType: null,
      arrivalBusLeadMinutes: 5,
      departureBusLeadMinutes: 30,
      defaultStandKind: 'remote',
    });
    const bad = await app
      .http(manager)
      .patch(`/api/v1/sites/${siteId}`)
      .send({ seatsByAircraftType: { '320': -1 }, defaultStandKind: 'apron', loadFactor: 2, iataCode: 'can' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'defaultStandKind',
      'iataCode',
      'loadFactor',
    ]);
    const seats = await app
      .http(manager)
      .patch(`/api/v1/sites/${siteId}`)
      .send({ seatsByAircraftType: { '320': -1 } })
      .expect(400);
    expect(seats.body.fields).toEqual([expect.objectContaining({ field: 'seatsByAircraftType' })]);
  });

  it("puts a dispatcher's own flight update in the override audit, with who and why; the feed's updates not", async () => {
    const audit = async () =>
      (await app.http(manager).get(`/api/v1/sites/${siteId}/overrides?limit=100`).expect(200)).body.items as {
        kind: string;
        taskId: string | null;
        role: string;
        details: { flight: string; reasons: string[] };
      }[];
    const flightUpdates = async () => (await audit()).filter((record) => record.kind === 'flight-update');
    const flight = { carrier: 'CZ', number: '3190', operatingDate: '2026-12-08', direction: 'arrival' };
    const scheduledMs = Date.parse('2026-12-08T09:00:00Z');
    const before = (await flightUpdates()).length;
    await postFlights(app, feed, siteId, [
      { ...flight, scheduledTime: new Date(scheduledMs).toISOString(), stand: 'R201', passengers: 100 },
    ]).expect(200);
    const delayed = (token: string, minutes: number) =>
      postFlights(app, token, siteId, [
        { ...flight, estimatedTime: new Date(scheduledMs + minutes * 60_000).toISOString() },
      ]).expect(200);
    await delayed(dispatcher, 25);
    const task = await flightTask('3190');
    const records = await eventually(async () => {
      const found = await flightUpdates();
      expect(found).toHaveLength(before + 1);
      return found;
    });
    const record = records.find((candidate) => candidate.details.flight === 'CZ3190');
    expect(record).toMatchObject({ role: 'dispatcher', taskId: task!.id });
    expect(record!.details.reasons.join(' ')).toMatch(/delayed 25 min/);
    await delayed(feed, 30);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await flightUpdates()).toHaveLength(before + 1);
  });

  it('lets the flight-feed role post flights and schedules and nothing else', async () => {
    await app.http(feed).get(`/api/v1/sites/${siteId}/flights`).expect(403);
    await app.http(feed).get(`/api/v1/tasks?siteId=${siteId}`).expect(403);
    await app.http(feed).post('/api/v1/tasks').send({}).expect(403);
    const viewer = await createKey(app, 'viewer');
    await postFlights(app, viewer, siteId, [
      {
        carrier: 'CZ',
        number: '1',
        operatingDate: '2026-12-08',
        direction: 'arrival',
        scheduledTime: '2026-12-08T10:00:00Z',
      },
    ]).expect(403);
    await app.http(ADMIN_TOKEN).get(`/api/v1/sites/${siteId}/stands`).expect(200);
  });
});
