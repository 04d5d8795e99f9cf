import { VehicleSpec } from '../charge-point/virtual-vehicle';
import { DepotChargePoint, DepotClock, VirtualDepot } from './virtual-depot';

/** A charger that delivers a fixed power to whatever is plugged in, integrated on the fake clock. */
class FakeChargePoint implements DepotChargePoint {
  online = true;
  readonly connectors = [{ id: 1 }, { id: 2 }];
  readonly plugged = new Map<number, VehicleSpec & { energyWh: number }>();
  readonly registerWh = new Map<number, number>();

  constructor(
    readonly identity: string,
    private readonly powerKw: number,
  ) {}

  async plugIn(connectorId: number, vehicle: VehicleSpec): Promise<string> {
    this.plugged.set(connectorId, { ...vehicle, energyWh: 0 });
    return `tx-${connectorId}`;
  }

  async unplug(connectorId: number): Promise<void> {
    this.plugged.delete(connectorId);
  }

  snapshot(connectorId: number) {
    const vehicle = this.plugged.get(connectorId);
    return {
      powerW: vehicle ? this.powerKw * 1000 : 0,
      energyRegisterWh: this.registerWh.get(connectorId) ?? 0,
      socPercent: vehicle ? vehicle.socPercent + vehicle.energyWh / 10 / vehicle.batteryKwh : undefined,
    };
  }

  run(ms: number): void {
    for (const [connectorId, vehicle] of this.plugged) {
      const wh = (this.powerKw * 1000 * ms) / 3_600_000;
      vehicle.energyWh += wh;
      this.registerWh.set(connectorId, (this.registerWh.get(connectorId) ?? 0) + wh);
    }
  }
}

const START = Date.parse('2026-11-22T04:00:00Z');
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

function depotWith(chargePoints: FakeChargePoint[], buses = ['BUS-01', 'BUS-02']) {
  let nowMs = START;
  const clock: DepotClock = {
    now: () => new Date(nowMs),
    advance: async (ms) => {
      chargePoints.forEach((cp) => cp.run(ms));
      nowMs += ms;
    },
  };
  const depot = new VirtualDepot({
    clock,
    chargePoints,
    buses: buses.map((id) => ({ id, idTag: `TAG-${id}`, batteryKwh: 100, socPercent: 50, maxChargeKw: 60 })),
  });
  return depot;
}

const task = { id: 'T1', vehiclesNeeded: 1, start: at(30), end: at(60), energyKwhPerVehicle: 20 };

describe('VirtualDepot', () => {
  it('plugs parked buses in, the charger the plan names first', async () => {
    const cps = [new FakeChargePoint('CP-01', 60), new FakeChargePoint('CP-02', 60)];
    const depot = depotWith(cps);
    depot.follow({
      tasks: [],
      assignments: [],
      charging: [{ vehicleId: 'BUS-02', chargerId: 'CP-02', kw: [0, 60] }],
      slotStarts: [at(0), at(5)],
    });
    const events = await depot.settle();
    expect(events.map((e) => e.kind === 'plugged' && [e.busId, e.chargePointId])).toEqual([
      ['BUS-01', 'CP-01'],
      ['BUS-02', 'CP-02'],
    ]);
  });

  it('sends the assigned bus before the task, takes its energy, and plugs it in again after the turnaround', async () => {
    const cp = new FakeChargePoint('CP-01', 60);
    const depot = depotWith([cp], ['BUS-01']);
    depot.follow({ tasks: [task], assignments: [{ taskId: 'T1', vehicleId: 'BUS-01' }], charging: [], slotStarts: [] });
    await depot.settle();
    const first = await depot.step(20);
    const departed = first.events.find((e) => e.kind === 'departed');
    // Leaves 10 minutes before 04:30 after 20 minutes at 60 kW on 100 kWh: 50 % + 20 %.
    expect(departed).toMatchObject({ busId: 'BUS-01', taskId: 'T1', lateMinutes: 0 });
    expect(departed?.at.toISOString()).toBe(at(20));
    expect(departed?.kind === 'departed' && departed.socPercent).toBeCloseTo(70, 5);
    expect(depot.sitePowerKw()).toBe(0);

    const second = await depot.step(45);
    expect(second.events.find((e) => e.kind === 'returned')).toMatchObject({ busId: 'BUS-01', socPercent: 50 });
    expect(second.events.find((e) => e.kind === 'plugged')?.at.toISOString()).toBe(at(60));
    expect(depot.servedBy('T1')).toEqual(['BUS-01']);
    expect(second.samples).toHaveLength(45);
  });

  it('sends no more buses than the task needs, even when a later plan names another', async () => {
    const depot = depotWith([new FakeChargePoint('CP-01', 60)]);
    depot.follow({ tasks: [task], assignments: [{ taskId: 'T1', vehicleId: 'BUS-01' }], charging: [], slotStarts: [] });
    await depot.settle();
    await depot.step(25);
    depot.follow({ tasks: [task], assignments: [{ taskId: 'T1', vehicleId: 'BUS-02' }], charging: [], slotStarts: [] });
    await depot.step(5);
    expect(depot.servedBy('T1')).toEqual(['BUS-01']);
    expect(depot.bus('BUS-02').where.kind).toBe('plugged');
  });

  it('meters the site: instantaneous and average power of every connector', async () => {
    const depot = depotWith([new FakeChargePoint('CP-01', 60)]);
    await depot.settle();
    const { samples } = await depot.step(2);
    expect(samples.map((s) => s.sitePowerKw)).toEqual([120, 120]);
    expect(samples[0].averagePowerKw).toBeCloseTo(120, 6);
    expect(samples[0].energyKwh).toBeCloseTo(2, 6);
  });

  it('moves a bus off a charger that went offline to a free connector elsewhere', async () => {
    const cps = [new FakeChargePoint('CP-01', 60), new FakeChargePoint('CP-02', 60)];
    const depot = depotWith(cps, ['BUS-01']);
    await depot.settle();
    expect(depot.bus('BUS-01').where).toMatchObject({ chargePointId: 'CP-01' });
    cps[0].online = false;
    const { events } = await depot.step(1);
    expect(events).toEqual([expect.objectContaining({ kind: 'plugged', chargePointId: 'CP-02', moved: true })]);
  });
});
