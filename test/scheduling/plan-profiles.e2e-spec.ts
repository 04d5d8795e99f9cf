import { ManualClock, VirtualChargePoint } from '../../libs/simulator/src/charge-point';
import { addBusWithHeavyTask, FLAT_TARIFF } from '../support/bus-with-task';
import { CHARGER_PASSWORD, eventually, registerCharger } from '../support/ocpp-clients';
import { SCHEDULING_OPTIONS, SchedulingOptions } from '../../src/scheduling/scheduling-options';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { ReceivedProfile, recordReceivedProfiles, takeAll } from './received-profiles';

const START = new Date('2026-11-23T04:00:00Z');
const GRID_LIMIT_KW = 100;
/** The site at 60 kW less 3 × 10 kW held back for the offline spare chargers, for the one charger with free connectors. */
const IDLE_HEADROOM_W = 30_000;

const planProfile = (purpose: ReceivedProfile['purpose'], evseId: number) =>
  expect.objectContaining({ purpose, evseId, stackLevel: 1 });

/**
 * Issue 6, applying a plan: what a charger actually receives over OCPP, tick after tick, on a simulated clock shared
 * by the service and the virtual charger.
 */
describe.each(['ocpp1.6', 'ocpp2.0.1'] as const)('plan profiles on the wire (%s)', (protocol) => {
  const clock = new ManualClock(START);
  const identity = protocol === 'ocpp1.6' ? 'PROF-16' : 'PROF-201';
  let app: TestApp;
  let siteId: string;
  let cp: VirtualChargePoint;
  let received: ReceivedProfile[];
  /** How long a plan profile stays valid on a charger that lost Apron. */
  let keepMinutes: number;

  const newChargePoint = () =>
    new VirtualChargePoint({
      identity,
      endpoint: `${app.baseUrl.replace('http', 'ws')}/ocpp`,
      protocol,
      password: CHARGER_PASSWORD,
      clock,
      reconnect: false,
      connectors: [
        { maxPowerKw: 150, currentType: 'DC' },
        { maxPowerKw: 150, currentType: 'DC' },
      ],
    });

  async function tick(): Promise<{ notes: string[] }> {
    const response = await app.http(ADMIN_TOKEN).post(`/api/v1/sites/${siteId}/solve-now`).expect(200);
    if (!response.body.ran) throw new Error(`no tick ran: ${response.body.reason}`);
    const notes = response.body.run.notes as string[];
    expect(notes.filter((note) => note.startsWith(identity))).toEqual([]);
    return response.body.run;
  }

  const bootDefaultArrived = () =>
    eventually(async () => expect(received).toContainEqual(expect.objectContaining({ stackLevel: 0 })));

  beforeAll(async () => {
    app = await startTestApp({ clock });
    keepMinutes = app.app.get<SchedulingOptions>(SCHEDULING_OPTIONS).maxKeepMinutes;
    const admin = app.http(ADMIN_TOKEN);
    ({ siteId } = await registerCharger(app, ADMIN_TOKEN, identity, {
      site: {
        code: `SITE-${identity}`,
        timeZone: 'UTC',
        gridLimitKw: GRID_LIMIT_KW,
        baseLoadKw: 0,
        demandChargePerKw: 0,
        tariff: FLAT_TARIFF,
      },
    }));
    // Three small chargers that stay offline: each charger's safe share is now a quarter of the connection, and the
    // plan keeps back what the offline ones may still draw on their own safe default (10 kW each).
    const spare = { maxKw: 10, connectors: [{ connectorId: 1, maxKw: 10 }] };
    for (const n of [1, 2, 3])
      await registerCharger(app, ADMIN_TOKEN, `${identity}-SPARE${n}`, { siteId, charger: spare });
    await addBusWithHeavyTask(admin, siteId, identity, new Date(START.getTime() + 45 * 60_000));
    cp = newChargePoint();
    received = recordReceivedProfiles(cp);
    await cp.start();
  });
  afterAll(async () => {
    await cp?.stop();
    await app.close();
  });

  it('sets a safe default at boot that never expires: the limit the charger falls back to', async () => {
    await bootDefaultArrived();
    const [bootDefault] = takeAll(received);
    // Four chargers at the site: each may take a quarter of the connection, in W for a DC charger.
    expect(bootDefault).toMatchObject({ purpose: 'StationMax', evseId: 0, kind: 'Recurring', limits: [25_000] });
    expect(bootDefault.validTo).toBeUndefined();
  });

  it('sends a TxProfile and a station cap that expire within the keep window', async () => {
    await cp.plugIn(1, { idTag: `TAG-${identity}`, batteryKwh: 280, socPercent: 20, maxKw: 150 });
    await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`);
      expect(page.body.items[0]?.vehicleId).toBeTruthy();
    });

    await tick();
    const sent = takeAll(received);
    expect(sent).toEqual(expect.arrayContaining([planProfile('Tx', 1), planProfile('StationMax', 0)]));
    expect(sent).toHaveLength(2);
    // The spare chargers are offline, so the plan gives the bus more than the safe share.
    expect(sent.find((profile) => profile.purpose === 'Tx')!.limits[0]).toBeGreaterThan(25_000);
    for (const profile of sent) {
      expect(profile.validTo).toBeDefined();
      const validForMs = Date.parse(profile.validTo!) - clock.now().getTime();
      expect(validForMs).toBeGreaterThan(0);
      expect(validForMs).toBeLessThanOrEqual(keepMinutes * 60_000);
    }
  });

  it('sends nothing on a tick whose plan did not change, and the changed profiles and safe default when it did', async () => {
    await tick();
    expect(takeAll(received)).toEqual([]);

    await app.http(ADMIN_TOKEN).patch(`/api/v1/sites/${siteId}`).send({ gridLimitKw: 60 }).expect(200);
    await tick();
    const sent = takeAll(received);
    expect(sent).toEqual(expect.arrayContaining([planProfile('Tx', 1), planProfile('StationMax', 0)]));
    for (const profile of sent) expect(profile.limits[0]).toBeLessThanOrEqual(60_000);
    expect(sent.find((profile) => profile.purpose === 'Tx')!.limits[0]).toBeGreaterThan(15_000);
    // The lower connection lowers the share a charger keeps without Apron: the safe default follows at once.
    const safeDefault = sent.find((profile) => profile.stackLevel === 0);
    expect(safeDefault).toMatchObject({ purpose: 'StationMax', evseId: 0, kind: 'Recurring', limits: [15_000] });
    expect(safeDefault!.validTo).toBeUndefined();
    await eventually(async () => expect(cp.snapshot(1).limitW).toBeLessThanOrEqual(60_000));
  });

  it('falls back to the safe default once the plan profiles expire without a new tick', async () => {
    await clock.advance((keepMinutes + 1) * 60_000);
    // The plan gave the bus more; with it expired, the charger keeps only its 15 kW share of the 60 kW connection.
    await eventually(async () => expect(cp.snapshot(1).limitW).toBe(15_000));
  });

  it('sends the whole plan again to a charger that rebooted, although the plan did not change', async () => {
    await cp.unplug(1);
    await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`);
      expect(page.body.items).toEqual([]);
    });
    await tick();
    // Nothing plugged in: the charger is capped at what the plan leaves of the connection (60 kW less 30 kW held for
    // the three offline spares), so a bus plugged in before the next tick charges at once, within the limit.
    expect(takeAll(received)).toEqual([
      expect.objectContaining({ purpose: 'StationMax', stackLevel: 1, limits: [IDLE_HEADROOM_W] }),
    ]);
    await tick();
    expect(takeAll(received)).toEqual([]);
    // A bus plugged in now charges before the next tick, within that cap.
    await cp.plugIn(1, { idTag: `TAG-${identity}`, batteryKwh: 280, socPercent: 20, maxKw: 150 });
    expect(cp.snapshot(1).powerW).toBeGreaterThan(0);
    expect(cp.snapshot(1).powerW).toBeLessThanOrEqual(IDLE_HEADROOM_W);
    await cp.unplug(1);
    await eventually(async () => {
      const page = await app.http(ADMIN_TOKEN).get(`/api/v1/charging-sessions?chargePointId=${identity}&active=true`);
      expect(page.body.items).toEqual([]);
    });

    // A reboot loses what the charger held: a new instance with the same identity and a new BootNotification.
    await cp.stop();
    cp = newChargePoint();
    received = recordReceivedProfiles(cp);
    await cp.start();
    await bootDefaultArrived();
    expect(takeAll(received)).toEqual([expect.objectContaining({ stackLevel: 0, limits: [15_000] })]);
    await tick();
    expect(takeAll(received)).toContainEqual(
      expect.objectContaining({ purpose: 'StationMax', stackLevel: 1, limits: [IDLE_HEADROOM_W] }),
    );
    expect(cp.profiles.all()).toContainEqual(expect.objectContaining({ purpose: 'StationMax', stackLevel: 1 }));
  });
});
