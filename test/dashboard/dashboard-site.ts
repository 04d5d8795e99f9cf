import { Clock, systemClock } from '../../src/common/clock';
import { aSite, aTask, aVehicle } from '../support/fixtures';
import { BOOT_16, ocppClient, registerCharger, TestRpcClient } from '../support/ocpp-clients';
import { ADMIN_TOKEN, createKey, TestApp } from '../support/test-app';

const MINUTE_MS = 60_000;

export interface DashboardSite {
  siteId: string;
  /** Vehicle id by fleet number. */
  vehicles: Record<string, string>;
  /** Task id by flightRef. */
  tasks: Record<string, string>;
  /** Connected chargers (the third one never connects). */
  clients: TestRpcClient[];
}

export const BUSES = ['BUS-01', 'BUS-02', 'BUS-03', 'BUS-04', 'BUS-05'];
export const TRACTORS = ['TUG-01', 'TUG-02'];

/** Transfer tasks of the next hours: minutes from now, length, vehicles needed. DASH-105 needs more tractors than exist. */
const TASKS: { flightRef: string; inMinutes: number; minutes: number; type: string; needed: number; kwh: number }[] = [
  { flightRef: 'DASH-101', inMinutes: 60, minutes: 30, type: 'apron-bus', needed: 2, kwh: 18 },
  { flightRef: 'DASH-102', inMinutes: 120, minutes: 30, type: 'apron-bus', needed: 1, kwh: 12 },
  { flightRef: 'DASH-103', inMinutes: 180, minutes: 40, type: 'apron-bus', needed: 3, kwh: 20 },
  { flightRef: 'DASH-104', inMinutes: 90, minutes: 30, type: 'baggage-tractor', needed: 1, kwh: 6 },
  { flightRef: 'DASH-105', inMinutes: 240, minutes: 30, type: 'baggage-tractor', needed: 3, kwh: 6 },
  { flightRef: 'DASH-106', inMinutes: 360, minutes: 30, type: 'apron-bus', needed: 1, kwh: 12 },
];

/**
 * A realistic airport depot through the API: five apron buses and two baggage tractors with telematics SoC, three
 * chargers (two connected over OCPP 1.6 reporting connector status and metered power, one never connecting), and six
 * transfer tasks in the next hours, one of them short of tractors. Times follow `clock`, the service's.
 */
export async function seedDashboardSite(
  app: TestApp,
  code: string,
  clock: Clock = systemClock,
): Promise<DashboardSite> {
  const admin = app.http(ADMIN_TOKEN);
  const siteId = (
    await admin
      .post('/api/v1/sites')
      .send(aSite({ code, name: 'T2 remote-stand depot' }))
      .expect(201)
  ).body.id as string;
  const vehicles: Record<string, string> = {};
  const fleet = [...BUSES.map((v) => [v, 'apron-bus']), ...TRACTORS.map((v) => [v, 'baggage-tractor'])];
  for (const [fleetNumber, type] of fleet) {
    const body = aVehicle(siteId, { fleetNumber, type, ...(type === 'baggage-tractor' ? { batteryKwh: 80 } : {}) });
    vehicles[fleetNumber] = (await admin.post('/api/v1/vehicles').send(body).expect(201)).body.id;
  }
  const telemetry = await createKey(app, 'telemetry');
  const time = new Date(clock.now().getTime() - 2 * MINUTE_MS).toISOString();
  const socs = [78, 64, 45, 90, 58, 70, 52];
  await app
    .http(telemetry)
    .post('/api/v1/telemetry')
    .send({ readings: fleet.map(([vehicle], i) => ({ vehicle, time, socPercent: socs[i] })) })
    .expect(200);

  const tasks: Record<string, string> = {};
  for (const task of TASKS) {
    const start = new Date(clock.now().getTime() + task.inMinutes * MINUTE_MS);
    const body = aTask(siteId, {
      flightRef: task.flightRef,
      vehicleType: task.type,
      vehiclesNeeded: task.needed,
      energyKwhPerVehicle: task.kwh,
      start: start.toISOString(),
      end: new Date(start.getTime() + task.minutes * MINUTE_MS).toISOString(),
    });
    tasks[task.flightRef] = (await admin.post('/api/v1/tasks').send(body).expect(201)).body.id;
  }

  const clients: TestRpcClient[] = [];
  for (const chargePointId of ['DASH-CP1', 'DASH-CP2', 'DASH-CP3']) {
    await registerCharger(app, ADMIN_TOKEN, chargePointId, { siteId });
  }
  for (const chargePointId of ['DASH-CP1', 'DASH-CP2']) {
    const client = ocppClient(app, chargePointId, 'ocpp1.6');
    // Obedient chargers: one that refuses Apron's profiles would be planned as uncontrolled load (issue 15).
    client.handle('SetChargingProfile', async () => ({ status: 'Accepted' }));
    await client.connect();
    await client.call('BootNotification', BOOT_16);
    for (const connectorId of [1, 2]) {
      const status = chargePointId === 'DASH-CP2' && connectorId === 2 ? 'Faulted' : 'Available';
      const errorCode = status === 'Faulted' ? 'GroundFailure' : 'NoError';
      await client.call('StatusNotification', { connectorId, errorCode, status, timestamp: clock.now().toISOString() });
    }
    clients.push(client);
  }
  // Connector-level power readings of the last half hour on DASH-CP1 (no transaction): the metered line.
  for (const minutesAgo of [30, 20, 10, 2]) {
    await clients[0].call('MeterValues', {
      connectorId: 1,
      meterValue: [
        {
          timestamp: new Date(clock.now().getTime() - minutesAgo * MINUTE_MS).toISOString(),
          sampledValue: [{ value: String(40_000 + minutesAgo * 1000), measurand: 'Power.Active.Import', unit: 'W' }],
        },
      ],
    });
  }
  return { siteId, vehicles, tasks, clients };
}
