/** A fleet bus in the depot simulation: its battery, and where it is (plugged in, parked, or away on a task). */
export interface BusSpec {
  id: string;
  idTag: string;
  batteryKwh: number;
  socPercent: number;
  maxChargeKw: number;
  turnaroundMinutes?: number;
}

export type BusWhere =
  | { kind: 'parked' }
  | { kind: 'plugged'; chargePointId: string; connectorId: number }
  | { kind: 'away'; taskId: string; returnAtMs: number; energyKwh: number };

export class VirtualBus {
  readonly id: string;
  readonly idTag: string;
  readonly batteryKwh: number;
  readonly maxChargeKw: number;
  readonly turnaroundMinutes: number;
  /** SoC while not plugged in; a plugged bus's SoC is its connector's. */
  socPercent: number;
  where: BusWhere = { kind: 'parked' };

  constructor(spec: BusSpec) {
    this.id = spec.id;
    this.idTag = spec.idTag;
    this.batteryKwh = spec.batteryKwh;
    this.maxChargeKw = spec.maxChargeKw;
    this.turnaroundMinutes = spec.turnaroundMinutes ?? 0;
    this.socPercent = spec.socPercent;
  }

  /** Leaves for a task: it draws the task's energy and is back at `returnAtMs`. */
  leave(taskId: string, returnAtMs: number, energyKwh: number): void {
    this.where = { kind: 'away', taskId, returnAtMs, energyKwh };
  }

  /** Back from its task, the task's energy spent. */
  comeBack(): void {
    if (this.where.kind !== 'away') return;
    this.socPercent = Math.max(0, this.socPercent - (this.where.energyKwh / this.batteryKwh) * 100);
    this.where = { kind: 'parked' };
  }
}
