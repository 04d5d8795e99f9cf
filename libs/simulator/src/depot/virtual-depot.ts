/**
 * A depot of virtual buses that follows a plan (DESIGN.md §1, airport sites): a bus assigned to a task unplugs
 * `departLeadMinutes` before it starts, is away until the task's end plus its turnaround (its SoC drops by the
 * task's energy), then plugs into a free connector of the charger the plan charges it at next, else any free one.
 * A bus plugged into a charger that went offline moves to a free connector of an online charger. One `step` moves
 * the shared clock (the chargers' and, when shared, the service's) minute by minute, acting and metering as it goes.
 */
import { VehicleSpec } from '../charge-point/virtual-vehicle';
import { DepotPlan, DepotTask, plannedChargerOf } from './depot-plan';
import { BusSpec, VirtualBus } from './virtual-bus';
import { meterReading } from './meter-reading';

/** What the depot needs of a charge point; a VirtualChargePoint fits. */
export interface DepotChargePoint {
  readonly identity: string;
  readonly online: boolean;
  readonly connectors: readonly { id: number }[];
  plugIn(connectorId: number, vehicle: VehicleSpec): Promise<string | undefined>;
  unplug(connectorId: number): Promise<void>;
  snapshot(connectorId: number): { powerW: number; energyRegisterWh: number; socPercent?: number };
}

export interface DepotClock {
  now(): Date;
  advance(ms: number): Promise<void>;
}

export type DepotEvent =
  | { kind: 'departed'; at: Date; busId: string; taskId: string; socPercent: number; lateMinutes: number }
  | { kind: 'returned'; at: Date; busId: string; taskId: string; socPercent: number }
  | { kind: 'plugged'; at: Date; busId: string; chargePointId: string; connectorId: number; moved: boolean };

/** Metered at the end of each sub-step: instantaneous site power and the energy since the previous sample. */
export interface DepotSample {
  at: Date;
  sitePowerKw: number;
  /** Average power over the sub-step, from the energy registers. */
  averagePowerKw: number;
  energyKwh: number;
}

export interface VirtualDepotOptions {
  clock: DepotClock;
  chargePoints: DepotChargePoint[];
  buses: BusSpec[];
  /** A bus leaves this long before its task starts; default 10. */
  departLeadMinutes?: number;
}

const MINUTE_MS = 60_000;

export class VirtualDepot {
  readonly buses: VirtualBus[];
  private readonly clock: DepotClock;
  private readonly chargePoints: DepotChargePoint[];
  private readonly departLeadMs: number;
  private plan?: DepotPlan;
  /** Tasks seen in any plan (a started task leaves the plan's input but its bus still serves it). */
  private readonly tasks = new Map<string, DepotTask>();
  /** Buses that left for each task. */
  private readonly served = new Map<string, string[]>();

  constructor(options: VirtualDepotOptions) {
    this.clock = options.clock;
    this.chargePoints = options.chargePoints;
    this.buses = options.buses.map((spec) => new VirtualBus(spec));
    this.departLeadMs = (options.departLeadMinutes ?? 10) * MINUTE_MS;
  }

  /** The plan in force from now on. */
  follow(plan: DepotPlan): void {
    this.plan = plan;
    for (const task of plan.tasks) this.tasks.set(task.id, task);
  }

  bus(id: string): VirtualBus {
    const bus = this.buses.find((b) => b.id === id);
    if (!bus) throw new Error(`no bus ${id}`);
    return bus;
  }

  /** The bus's SoC now: its connector's while plugged in. */
  socPercentOf(id: string): number {
    const bus = this.bus(id);
    if (bus.where.kind !== 'plugged') return bus.socPercent;
    const { chargePointId, connectorId } = bus.where;
    return this.chargePoint(chargePointId).snapshot(connectorId).socPercent ?? bus.socPercent;
  }

  /** Which buses left for a task, in order. */
  servedBy(taskId: string): string[] {
    return this.served.get(taskId) ?? [];
  }

  /** Delivered power of every connector now, in kW. */
  sitePowerKw(): number {
    return meterReading(this.chargePoints).powerKw;
  }

  /** Sum of every connector's energy register, in kWh. */
  energyRegisterKwh(): number {
    return meterReading(this.chargePoints).registerKwh;
  }

  /** Plugs in parked buses (at start-up). */
  async settle(): Promise<DepotEvent[]> {
    return this.act();
  }

  /** Moves the clock `minutes` forward in sub-steps; after each the depot acts, then the site is metered. */
  async step(minutes: number, subStepMinutes = 1): Promise<{ events: DepotEvent[]; samples: DepotSample[] }> {
    const events: DepotEvent[] = await this.act();
    const samples: DepotSample[] = [];
    const endMs = this.clock.now().getTime() + minutes * MINUTE_MS;
    while (this.clock.now().getTime() < endMs) {
      const stepMs = Math.min(subStepMinutes * MINUTE_MS, endMs - this.clock.now().getTime());
      const registerBeforeKwh = this.energyRegisterKwh();
      await this.clock.advance(stepMs);
      const energyKwh = this.energyRegisterKwh() - registerBeforeKwh;
      samples.push({
        at: this.clock.now(),
        sitePowerKw: this.sitePowerKw(),
        averagePowerKw: energyKwh / (stepMs / 3_600_000),
        energyKwh,
      });
      events.push(...(await this.act()));
    }
    return { events, samples };
  }

  private async act(): Promise<DepotEvent[]> {
    const events: DepotEvent[] = [];
    const nowMs = this.clock.now().getTime();
    for (const bus of this.buses) {
      if (bus.where.kind !== 'away' || nowMs < bus.where.returnAtMs) continue;
      const taskId = bus.where.taskId;
      bus.comeBack();
      events.push({ kind: 'returned', at: new Date(nowMs), busId: bus.id, taskId, socPercent: bus.socPercent });
    }
    for (const { taskId, vehicleId } of this.plan?.assignments ?? []) {
      const departed = await this.depart(taskId, vehicleId, nowMs);
      if (departed) events.push(departed);
    }
    for (const bus of this.buses) {
      const plugged = await this.plugIfParkedOrStranded(bus, nowMs);
      if (plugged) events.push(plugged);
    }
    return events;
  }

  private async depart(taskId: string, busId: string, nowMs: number): Promise<DepotEvent | undefined> {
    const task = this.tasks.get(taskId);
    const bus = this.buses.find((b) => b.id === busId);
    if (!task || !bus || bus.where.kind === 'away') return undefined;
    const startMs = Date.parse(task.start);
    const endMs = Date.parse(task.end);
    const served = this.servedBy(taskId);
    if (nowMs < startMs - this.departLeadMs || nowMs >= endMs || served.includes(busId)) return undefined;
    if (served.length >= (task.vehiclesNeeded ?? 1)) return undefined;
    const socPercent = this.socPercentOf(busId);
    await this.unplug(bus);
    bus.socPercent = socPercent;
    bus.leave(taskId, endMs + bus.turnaroundMinutes * MINUTE_MS, task.energyKwhPerVehicle ?? 0);
    this.served.set(taskId, [...served, busId]);
    const lateMinutes = Math.max(0, (nowMs - startMs) / MINUTE_MS);
    return { kind: 'departed', at: new Date(nowMs), busId, taskId, socPercent, lateMinutes };
  }

  private async plugIfParkedOrStranded(bus: VirtualBus, nowMs: number): Promise<DepotEvent | undefined> {
    const where = bus.where;
    const stranded = where.kind === 'plugged' && !this.chargePoint(where.chargePointId).online;
    if (where.kind !== 'parked' && !stranded) return undefined;
    const planned = plannedChargerOf(this.plan, bus.id, nowMs);
    const free = this.freeConnectors();
    const target = free.find((c) => c.chargePoint.identity === planned) ?? free[0];
    if (!target) return undefined;
    if (stranded) {
      bus.socPercent = this.socPercentOf(bus.id);
      await this.unplug(bus);
    }
    await target.chargePoint.plugIn(target.connectorId, {
      idTag: bus.idTag,
      batteryKwh: bus.batteryKwh,
      socPercent: bus.socPercent,
      maxKw: bus.maxChargeKw,
    });
    bus.where = { kind: 'plugged', chargePointId: target.chargePoint.identity, connectorId: target.connectorId };
    return {
      kind: 'plugged',
      at: new Date(nowMs),
      busId: bus.id,
      chargePointId: target.chargePoint.identity,
      connectorId: target.connectorId,
      moved: stranded,
    };
  }

  /** An offline charger queues its StopTransaction until it reconnects: not awaited then. */
  private async unplug(bus: VirtualBus): Promise<void> {
    if (bus.where.kind !== 'plugged') return;
    const chargePoint = this.chargePoint(bus.where.chargePointId);
    const unplugged = chargePoint.unplug(bus.where.connectorId);
    bus.where = { kind: 'parked' };
    if (chargePoint.online) await unplugged;
  }

  private freeConnectors(): { chargePoint: DepotChargePoint; connectorId: number }[] {
    const taken = new Set(
      this.buses.flatMap((b) =>
        b.where.kind === 'plugged' ? [`${b.where.chargePointId}/${b.where.connectorId}`] : [],
      ),
    );
    return this.chargePoints
      .filter((cp) => cp.online)
      .flatMap((cp) => cp.connectors.map((c) => ({ chargePoint: cp, connectorId: c.id })))
      .filter((c) => !taken.has(`${c.chargePoint.identity}/${c.connectorId}`));
  }

  private chargePoint(identity: string): DepotChargePoint {
    const chargePoint = this.chargePoints.find((cp) => cp.identity === identity);
    if (!chargePoint) throw new Error(`no charge point ${identity}`);
    return chargePoint;
  }
}
