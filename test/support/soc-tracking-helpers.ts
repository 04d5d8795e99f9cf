import request from 'supertest';
import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { CHARGER_PASSWORD } from './ocpp-clients';
import { TestApp } from './test-app';

/** A virtual DC charge point on loopback whose clock starts in the past, so its samples are never "in the future". */
export function fleetChargePoint(
  app: TestApp,
  identity: string,
  protocol: 'ocpp1.6' | 'ocpp2.0.1',
  startsAt: Date,
): { cp: VirtualChargePoint; clock: ManualClock } {
  const clock = new ManualClock(startsAt);
  const cp = new VirtualChargePoint({
    identity,
    endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
    protocol,
    password: CHARGER_PASSWORD,
    clock,
    reconnect: false,
    meterIntervalSeconds: 60,
    connectors: [{ maxPowerKw: 150, currentType: 'DC' }],
  });
  return { cp, clock };
}

export interface FleetVehicleView {
  id: string;
  fleetNumber: string;
  soc: {
    socPercent: number;
    uncertaintyPercent: number;
    lastDirectReading: { at: string; source: string; socPercent: number } | null;
    stale: boolean;
    disagreement: boolean;
  } | null;
  plugged: { chargePointId: string; connectorId: number; sessionId: string } | null;
  currentTask: { flightRef: string } | null;
  nextTask: { flightRef: string; energyKwh: number; energySource: string; predictedSocPercent: number | null } | null;
}

/** GET /api/v1/fleet/vehicles, as a map by fleet number. */
export async function fleetVehicles(
  app: TestApp,
  token: string,
  siteId: string,
): Promise<Map<string, FleetVehicleView>> {
  const response = await app.http(token).get(`/api/v1/fleet/vehicles?siteId=${siteId}`);
  if (response.status !== 200) throw new Error(`fleet vehicles: ${response.status} ${JSON.stringify(response.body)}`);
  const items = response.body.items as FleetVehicleView[];
  return new Map(items.map((item) => [item.fleetNumber, item]));
}

/** PUT through supertest (TestApp.http has no put). */
export function put(app: TestApp, token: string, path: string): request.Test {
  return request(app.baseUrl).put(path).set('Authorization', `Bearer ${token}`);
}
