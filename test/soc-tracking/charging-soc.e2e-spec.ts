import { aVehicle } from '../support/fixtures';
import { fleetChargePoint, fleetVehicles } from '../support/soc-tracking-helpers';
import { eventually, registerCharger } from '../support/ocpp-clients';
import { createKey, startTestApp, TestApp } from '../support/test-app';
import { SocTrackingService } from '../../src/soc-tracking/soc-tracking.service';
import { SiteSnapshotReader } from '../../src/scheduling/site-snapshot.reader';
import { VirtualChargePoint } from '../../libs/simulator/src/charge-point';

const MINUTE_MS = 60_000;

interface SetVariableData {
  component: { name: string };
  variable: { name: string };
  attributeValue: string;
}

describe('fleet state from chargers over OCPP: SoC while plugged, linking, unknown idTags', () => {
  let app: TestApp;
  let fleetManager: string;
  let dispatcher: string;
  let viewer: string;
  let telemetry: string;
  let depotId: string;
  let openDepotId: string;
  const cps: VirtualChargePoint[] = [];
  const vehicleIds = new Map<string, string>();

  const addVehicle = async (siteId: string, fleetNumber: string, overrides: Record<string, unknown> = {}) => {
    const response = await app
      .http(fleetManager)
      .post('/api/v1/vehicles')
      .send(aVehicle(siteId, { fleetNumber, idTag: `${fleetNumber}-TAG`, chargeEfficiency: 1, ...overrides }))
      .expect(201);
    vehicleIds.set(fleetNumber, response.body.id as string);
  };
  const chargePoint = (identity: string, protocol: 'ocpp1.6' | 'ocpp2.0.1') => {
    const made = fleetChargePoint(app, identity, protocol, new Date(Date.now() - 3 * 60 * MINUTE_MS));
    cps.push(made.cp);
    return made;
  };

  beforeAll(async () => {
    process.env.APRON_FLEET_PERSIST_DELAY_MS = '50';
    process.env.APRON_FLEET_BOOT_CONFIG_DELAY_MS = '50';
    app = await startTestApp();
    fleetManager = await createKey(app, 'fleet-manager');
    dispatcher = await createKey(app, 'dispatcher');
    viewer = await createKey(app, 'viewer');
    telemetry = await createKey(app, 'telemetry');
    ({ siteId: depotId } = await registerCharger(app, fleetManager, 'FS-16', {
      site: { code: 'FS-DEPOT', unknownIdTagPolicy: 'reject' },
    }));
    await registerCharger(app, fleetManager, 'FS-201', { siteId: depotId });
    ({ siteId: openDepotId } = await registerCharger(app, fleetManager, 'FS-OPEN-201', {
      site: { code: 'FS-OPEN', unknownIdTagPolicy: 'accept' },
    }));
    await registerCharger(app, fleetManager, 'FS-OPEN-16', { siteId: openDepotId });
    await addVehicle(depotId, 'BUS-01');
    await addVehicle(depotId, 'BUS-02');
    await addVehicle(openDepotId, 'BUS-04');
    await addVehicle(openDepotId, 'BUS-05');
    await addVehicle(openDepotId, 'BUS-06', { idTag: null });
  });
  afterAll(async () => {
    await Promise.all(cps.map((cp) => cp.stop().catch(() => undefined)));
    await app.close();
  });

  it('configures a booted charger to report SoC at the fleet interval (1.6 ChangeConfiguration)', async () => {
    const { cp } = chargePoint('FS-16', 'ocpp1.6');
    cp.settings.measurands = ['Energy.Active.Import.Register'];
    cp.settings.meterIntervalSeconds = 300;
    await cp.start();
    expect(cp.registration).toBe('Accepted');
    await eventually(async () => {
      expect(cp.settings.measurands).toContain('SoC');
      expect(cp.settings.meterIntervalSeconds).toBe(60);
    });
  });

  it('a bus plugs in with its idTag, charges, and the fleet API shows its SoC rising with the delivered energy (1.6)', async () => {
    const cp = cps[0];
    const clock = (cp as unknown as { clock: { advance(ms: number): Promise<void> } }).clock;
    await cp.plugIn(1, { idTag: 'BUS-01-TAG', batteryKwh: 280, socPercent: 40, maxKw: 150 });
    await clock.advance(5 * MINUTE_MS);
    const early = await eventually(async () => {
      const bus = (await fleetVehicles(app, viewer, depotId)).get('BUS-01')!;
      expect(bus.plugged).toMatchObject({ chargePointId: 'FS-16', connectorId: 1 });
      expect(bus.soc?.lastDirectReading?.source).toBe('charger');
      return bus.soc!.socPercent;
    });
    await clock.advance(15 * MINUTE_MS);
    const { sessionEnergyWh, socPercent: chargerSoc } = cp.snapshot(1);
    const fromEnergyPercent = 40 + (sessionEnergyWh / 1000 / 280) * 100;
    const bus = await eventually(async () => {
      const found = (await fleetVehicles(app, viewer, depotId)).get('BUS-01')!;
      // Every sample processed: the last direct reading is the charger's final one (sent with one decimal).
      expect(Math.abs(found.soc!.lastDirectReading!.socPercent - chargerSoc!)).toBeLessThan(0.06);
      return found;
    });
    expect(Math.abs(bus.soc!.socPercent - fromEnergyPercent)).toBeLessThan(1.5);
    expect(bus.soc!.socPercent).toBeGreaterThan(early + 5);

    const { vehicles: states } = await app.app.get(SocTrackingService).fleet(depotId, new Date());
    expect(states.get('BUS-01')!.socPercent).toBe(bus.soc!.socPercent);
    // The tick sees the same estimate, plugged where the gateway's session says.
    const { snapshot } = await app.app.get(SiteSnapshotReader).read(depotId, new Date(), 1);
    expect(snapshot.vehicles.find((v) => v.fleetNumber === 'BUS-01')).toMatchObject({
      plugged: { chargePointId: 'FS-16', connectorId: 1 },
      socPercent: bus.soc!.socPercent,
    });

    const history = await app
      .http(viewer)
      .get(`/api/v1/vehicles/${vehicleIds.get('BUS-01')}/soc-history?limit=500`)
      .expect(200);
    const sources = new Set(history.body.items.map((p: { source: string }) => p.source));
    expect(sources).toEqual(new Set(['charger', 'energy']));
    const charger = history.body.items.filter((p: { source: string }) => p.source === 'charger');
    expect(charger[charger.length - 1].socPercent).toBeGreaterThan(charger[0].socPercent);

    await cp.unplug(1);
    await eventually(async () => expect((await fleetVehicles(app, viewer, depotId)).get('BUS-01')!.plugged).toBeNull());
  });

  it('fuses a telematics reading with the charger readings', async () => {
    const before = (await fleetVehicles(app, viewer, depotId)).get('BUS-01')!.soc!;
    const clock = (cps[0] as unknown as { clock: { now(): Date } }).clock;
    const readingPercent = before.lastDirectReading!.socPercent + 4;
    const time = new Date(clock.now().getTime() + MINUTE_MS).toISOString();
    const response = await app
      .http(telemetry)
      .post('/api/v1/telemetry')
      .send({ readings: [{ vehicle: 'BUS-01', time, socPercent: readingPercent }] })
      .expect(200);
    expect(response.body).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const after = (await fleetVehicles(app, viewer, depotId)).get('BUS-01')!.soc!;
    expect(after.lastDirectReading).toEqual({ at: time, source: 'telematics', socPercent: readingPercent });
    expect(after.socPercent).toBeGreaterThan(before.socPercent);
    expect(after.socPercent).toBeLessThan(readingPercent);
  });

  it('2.0.1: SoC meter values configured by SetVariables at boot; a fleet idToken is linked, a stranger refused where the policy rejects unknown idTags', async () => {
    const { cp, clock } = chargePoint('FS-201', 'ocpp2.0.1');
    cp.settings.measurands = ['Energy.Active.Import.Register'];
    cp.settings.meterIntervalSeconds = 300;
    const setVariables: { setVariableData: SetVariableData[] }[] = [];
    cp.client.on('message', ({ message, outbound }: { message: string; outbound: boolean }) => {
      const frame = JSON.parse(message) as unknown[];
      if (!outbound && frame[0] === 2 && frame[2] === 'SetVariables') {
        setVariables.push(frame[3] as { setVariableData: SetVariableData[] });
      }
    });
    await cp.start();
    // Configured at boot through SetVariables: SoC among SampledDataCtrlr.TxUpdatedMeasurands, and TxUpdatedInterval.
    await eventually(async () => expect(cp.settings.meterIntervalSeconds).toBe(60));
    const sampledData = setVariables
      .flatMap((request) => request.setVariableData)
      .filter((data) => data.component.name === 'SampledDataCtrlr');
    const measurands = sampledData.find((data) => data.variable.name === 'TxUpdatedMeasurands');
    expect(measurands?.attributeValue.split(',')).toContain('SoC');
    expect(sampledData.find((data) => data.variable.name === 'TxUpdatedInterval')?.attributeValue).toBe('60');
    expect(cp.settings.measurands).toContain('SoC');
    expect(await cp.plugIn(1, { idTag: 'STRANGER', batteryKwh: 60, socPercent: 30, maxKw: 50 })).toBeUndefined();
    expect(await cp.plugIn(1, { idTag: 'BUS-02-TAG', batteryKwh: 280, socPercent: 55, maxKw: 150 })).toBeTruthy();
    await clock.advance(10 * MINUTE_MS);
    const bus = await eventually(async () => {
      const found = (await fleetVehicles(app, viewer, depotId)).get('BUS-02')!;
      expect(found.plugged).toMatchObject({ chargePointId: 'FS-201', connectorId: 1 });
      expect(Math.abs(found.soc!.socPercent - cp.snapshot(1).socPercent!)).toBeLessThan(1.5);
      return found;
    });
    expect(bus.soc!.socPercent).toBeGreaterThan(55);
  });

  it('at a depot that accepts unknown idTags: any-case idTag still links, a visitor is non-fleet until a dispatcher links it', async () => {
    const fleet = chargePoint('FS-OPEN-201', 'ocpp2.0.1');
    await fleet.cp.start();
    expect(await fleet.cp.plugIn(1, { idTag: 'bus-04-tag', batteryKwh: 280, socPercent: 50, maxKw: 150 })).toBeTruthy();
    await fleet.clock.advance(5 * MINUTE_MS);
    await eventually(async () => {
      const bus = (await fleetVehicles(app, viewer, openDepotId)).get('BUS-04')!;
      expect(bus.plugged).toMatchObject({ chargePointId: 'FS-OPEN-201' });
      expect(bus.soc?.lastDirectReading?.source).toBe('charger');
    });

    const visitor = chargePoint('FS-OPEN-16', 'ocpp1.6');
    await visitor.cp.start();
    expect(await visitor.cp.plugIn(1, { idTag: 'VISITOR', batteryKwh: 280, socPercent: 35, maxKw: 150 })).toBeTruthy();
    await visitor.clock.advance(5 * MINUTE_MS);
    const sessionId = await eventually(async () => {
      const page = await app
        .http(viewer)
        .get('/api/v1/charging-sessions?chargePointId=FS-OPEN-16&active=true')
        .expect(200);
      expect(page.body.total).toBe(1);
      return page.body.items[0].id as string;
    });
    const unlinked = await eventually(async () => {
      const link = await app.http(viewer).get(`/api/v1/sessions/${sessionId}/vehicle`).expect(200);
      expect(link.body).toMatchObject({ nonFleet: true, vehicleId: null, idTag: 'VISITOR', active: true });
      return link.body;
    });
    expect(unlinked.linkSource).toBeNull();
    expect((await fleetVehicles(app, viewer, openDepotId)).get('BUS-05')!.soc).toBeNull();

    await app.http(viewer).post(`/api/v1/sessions/${sessionId}/vehicle`).send({ vehicle: 'BUS-05' }).expect(403);
    const linked = await app
      .http(dispatcher)
      .post(`/api/v1/sessions/${sessionId}/vehicle`)
      .send({ vehicle: 'BUS-05' })
      .expect(200);
    expect(linked.body).toMatchObject({ vehicleId: vehicleIds.get('BUS-05'), linkSource: 'manual', nonFleet: false });
    // The inputs the session brought before the link reach the vehicle's estimate (handed over after the link).
    const bus = await eventually(async () => {
      const found = (await fleetVehicles(app, viewer, openDepotId)).get('BUS-05')!;
      expect(Math.abs(found.soc!.socPercent - visitor.cp.snapshot(1).socPercent!)).toBeLessThan(1.5);
      return found;
    });
    expect(bus.plugged).toMatchObject({ chargePointId: 'FS-OPEN-16', sessionId });
    await app.http(dispatcher).post(`/api/v1/sessions/${sessionId}/vehicle`).send({ vehicle: 'BUS-04' }).expect(409);
  });

  it('links a session by the ISO 15118 EVCCID registered for a vehicle', async () => {
    const response = await app
      .http(fleetManager)
      .post(`/api/v1/vehicles/${vehicleIds.get('BUS-06')}/evccids`)
      .send({ evccid: '0a:1b:2c:3d:4e:5f' })
      .expect(200);
    expect(response.body).toEqual({ evccids: ['0A1B2C3D4E5F'] });
    await app
      .http(fleetManager)
      .post(`/api/v1/vehicles/${vehicleIds.get('BUS-06')}/evccids`)
      .send({ evccid: 'not-a-mac' })
      .expect(400);

    const cp = cps.find((c) => c.identity === 'FS-OPEN-201')!;
    await cp.unplug(1);
    const clock = (cp as unknown as { clock: { advance(ms: number): Promise<void> } }).clock;
    expect(await cp.plugIn(1, { idTag: 'VID:0A1B2C3D4E5F', batteryKwh: 280, socPercent: 45, maxKw: 150 })).toBeTruthy();
    await clock.advance(5 * MINUTE_MS);
    const bus = await eventually(async () => {
      const found = (await fleetVehicles(app, viewer, openDepotId)).get('BUS-06')!;
      expect(found.plugged).toMatchObject({ chargePointId: 'FS-OPEN-201', connectorId: 1 });
      return found;
    });
    const link = await app.http(viewer).get(`/api/v1/sessions/${bus.plugged!.sessionId}/vehicle`).expect(200);
    expect(link.body).toMatchObject({ linkSource: 'evccid', vehicleId: vehicleIds.get('BUS-06') });
    expect((await fleetVehicles(app, viewer, openDepotId)).get('BUS-04')!.plugged).toBeNull();
  });
});
