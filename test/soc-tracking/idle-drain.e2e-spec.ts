import { ManualClock } from '../../libs/simulator/src/charge-point';
import { SocTrackingService } from '../../src/soc-tracking/soc-tracking.service';
import { aSite, aTask, aVehicle } from '../support/fixtures';
import { fleetVehicles, put } from '../support/soc-tracking-helpers';
import { createKey, startTestApp, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * A vehicle's idle drain (kWh per hour, set by the fleet manager) lowers its SoC estimate between readings, and the
 * SoC predicted at its next task takes off the drain and the tasks before it. The service runs on a simulated clock.
 */
describe('idle drain and the SoC predicted at the next task, on simulated time', () => {
  const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
  let app: TestApp;
  let fleetManager: string;
  let dispatcher: string;
  let viewer: string;
  let telemetry: string;
  let siteId: string;
  const ids = new Map<string, string>();

  const at = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs).toISOString();
  const socOf = async (fleetNumber: string) => (await fleetVehicles(app, viewer, siteId)).get(fleetNumber)!.soc!;
  const reading = (fleetNumber: string, socPercent: number) =>
    app
      .http(telemetry)
      .post('/api/v1/telemetry')
      .send({ readings: [{ vehicle: fleetNumber, time: at(0), socPercent }] })
      .expect(200, { accepted: 1, duplicates: 0, rejected: [] });

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
        .send(aSite({ code: 'FS-DRAIN' }))
        .expect(201)
    ).body.id as string;
  });
  afterAll(async () => {
    await app.close();
  });

  it('a fleet manager sets idle drain per vehicle (default 0, 0-50 kWh/h); the vehicles API returns it', async () => {
    const create = async (fleetNumber: string, overrides: Record<string, unknown>) => {
      const body = aVehicle(siteId, { fleetNumber, chargeEfficiency: 1, ...overrides });
      const response = await app.http(fleetManager).post('/api/v1/vehicles').send(body).expect(201);
      ids.set(fleetNumber, response.body.id as string);
      return response.body as { idleDrainKwhPerHour: number };
    };
    expect((await create('BUS-31', { idleDrainKwhPerHour: 2.8 })).idleDrainKwhPerHour).toBe(2.8);
    expect((await create('BUS-32', {})).idleDrainKwhPerHour).toBe(0);
    await create('BUS-33', {});
    const read = await app
      .http(viewer)
      .get(`/api/v1/vehicles/${ids.get('BUS-31')}`)
      .expect(200);
    expect(read.body.idleDrainKwhPerHour).toBe(2.8);

    for (const bad of [-0.1, 51, 'much', null]) {
      const response = await app
        .http(fleetManager)
        .patch(`/api/v1/vehicles/${ids.get('BUS-32')}`)
        .send({ idleDrainKwhPerHour: bad })
        .expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['idleDrainKwhPerHour']);
    }
    const created = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber: 'BUS-39', idleDrainKwhPerHour: -1 }))
      .expect(400);
    expect(created.body.fields.map((f: { field: string }) => f.field)).toEqual(['idleDrainKwhPerHour']);
  });

  it('without readings, the estimate of a vehicle with drain falls by its rate; one without drain stays', async () => {
    await reading('BUS-31', 80);
    await reading('BUS-32', 80);
    const start = { drained: (await socOf('BUS-31')).socPercent, steady: (await socOf('BUS-32')).socPercent };

    await clock.advance(2 * HOUR_MS);
    // 2.8 kWh/h for 2 h of a 280 kWh battery: 2 percentage points.
    expect(start.drained - (await socOf('BUS-31')).socPercent).toBeCloseTo(2, 6);
    expect((await socOf('BUS-32')).socPercent).toBeCloseTo(start.steady, 9);

    await clock.advance(3 * HOUR_MS);
    const drained = await socOf('BUS-31');
    expect(start.drained - drained.socPercent).toBeCloseTo(5, 6);
    expect((await socOf('BUS-32')).socPercent).toBeCloseTo(start.steady, 9);
    // The scheduler sees the same falling estimate.
    const { vehicles: states } = await app.app.get(SocTrackingService).fleet(siteId, clock.now());
    expect(states.get('BUS-31')!.socPercent).toBeCloseTo(drained.socPercent, 9);
  });

  it('a changed drain takes effect for the time after it', async () => {
    await app
      .http(fleetManager)
      .patch(`/api/v1/vehicles/${ids.get('BUS-32')}`)
      .send({ idleDrainKwhPerHour: 1.4 })
      .expect(200);
    const before = (await socOf('BUS-32')).socPercent;
    await clock.advance(2 * HOUR_MS);
    expect(before - (await socOf('BUS-32')).socPercent).toBeCloseTo(1, 6);
  });

  it('the SoC predicted at the next task takes off the idle drain until its start', async () => {
    const task = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, { flightRef: 'CZ3501-A1', vehiclesNeeded: 1, start: at(3 * HOUR_MS), end: at(3.5 * HOUR_MS) }),
      )
      .expect(201);
    await put(app, dispatcher, `/api/v1/tasks/${task.body.id}/vehicles`)
      .send({ vehicles: ['BUS-31'] })
      .expect(200);
    const bus = (await fleetVehicles(app, viewer, siteId)).get('BUS-31')!;
    expect(bus.nextTask).toMatchObject({ flightRef: 'CZ3501-A1', energyKwh: 9.5, energySource: 'stated' });
    // 3 h at 2.8 kWh/h: 8.4 kWh, 3 % of 280 kWh.
    expect(bus.nextTask!.predictedSocPercent).toBeCloseTo(bus.soc!.socPercent - 3, 6);
  });

  it('the SoC predicted at the next task takes off the task in progress before it', async () => {
    await reading('BUS-33', 70);
    await clock.advance(10 * MINUTE_MS);
    const current = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(
        aTask(siteId, {
          flightRef: 'CZ3502-A1',
          vehiclesNeeded: 1,
          start: at(-5 * MINUTE_MS),
          end: at(25 * MINUTE_MS),
          energyKwhPerVehicle: 28,
          status: 'in_progress',
        }),
      )
      .expect(201);
    const next = await app
      .http(fleetManager)
      .post('/api/v1/tasks')
      .send(aTask(siteId, { flightRef: 'CZ3503-A1', vehiclesNeeded: 1, start: at(2 * HOUR_MS), end: at(3 * HOUR_MS) }))
      .expect(201);
    for (const task of [current, next]) {
      await put(app, dispatcher, `/api/v1/tasks/${task.body.id}/vehicles`)
        .send({ vehicles: ['BUS-33'] })
        .expect(200);
    }
    const bus = (await fleetVehicles(app, viewer, siteId)).get('BUS-33')!;
    expect(bus.currentTask).toMatchObject({ flightRef: 'CZ3502-A1' });
    expect(bus.nextTask).toMatchObject({ flightRef: 'CZ3503-A1' });
    // No reading since the current task began: all of its 28 kWh (10 % of 280 kWh) is still to come off.
    expect(bus.nextTask!.predictedSocPercent).toBeCloseTo(bus.soc!.socPercent - 10, 6);
  });
});
