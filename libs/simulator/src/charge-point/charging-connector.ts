/**
 * One connector of the virtual charge point (a 2.0.1 EVSE with one connector): its plugged vehicle, transaction,
 * energy register and the physics of charging. Power delivered = min(vehicle acceptance with taper, connector
 * maximum, charging-profile limit), integrated over time.
 */
import { ElectricalSupply, NeutralChargingProfile } from '@apron/ocpp-model';
import { VehicleSpec, vehicleAcceptedPowerW } from './virtual-vehicle';

export interface ConnectorSpec {
  maxPowerKw: number;
  currentType?: 'AC' | 'DC';
  /** AC phases; default 3. */
  phases?: number;
  /** Nominal phase voltage for AC (default 230 V) or nominal DC voltage (default 400 V). */
  nominalVoltageV?: number;
  /** Initial energy register in Wh. */
  energyRegisterWh?: number;
}

/** The 1.6 status set; 2.0.1 reports Available/Occupied/Unavailable/Faulted plus a charging state. */
export type ConnectorStatus16 =
  'Available' | 'Preparing' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE' | 'Finishing' | 'Unavailable' | 'Faulted';

export interface ActiveTransaction {
  id: string;
  idTag: string;
  startedAt: Date;
  meterStartWh: number;
  /** 2.0.1: next TransactionEvent seqNo (E01.FR.16 counts per transaction here, which the spec allows). */
  nextSeqNo: number;
  remoteStartId?: number;
}

/** Integration step: short enough that taper and schedule changes are followed closely. */
const STEP_MS = 1000;

export class ChargingConnector {
  vehicle?: VehicleSpec;
  socPercent = 0;
  transaction?: ActiveTransaction;
  /** An idTag from a remote start that waits for a vehicle to be plugged in. */
  pendingRemoteStart?: { idTag: string; remoteStartId?: number; txProfile?: NeutralChargingProfile };
  operative = true;
  /** ChangeAvailability Inoperative arrived during a transaction: applied when it ends (Scheduled). */
  inoperativeWhenIdle = false;
  /** A transaction ended while the vehicle is still plugged in (1.6 Finishing). */
  sessionFinished = false;
  energyRegisterWh: number;
  powerW = 0;
  limitW = Infinity;
  status: ConnectorStatus16 = 'Available';
  private lastAt: Date;

  constructor(
    readonly id: number,
    readonly spec: ConnectorSpec,
    now: Date,
  ) {
    this.energyRegisterWh = spec.energyRegisterWh ?? 0;
    this.lastAt = now;
  }

  get maxPowerW(): number {
    return this.spec.maxPowerKw * 1000;
  }

  get supply(): ElectricalSupply {
    const currentType = this.spec.currentType ?? 'AC';
    return {
      currentType,
      phases: currentType === 'AC' ? (this.spec.phases ?? 3) : 1,
      nominalVoltageV: this.spec.nominalVoltageV ?? (currentType === 'AC' ? 230 : 400),
    };
  }

  /** Current per phase in A for the delivered power. */
  get currentA(): number {
    const { phases, nominalVoltageV } = this.supply;
    return this.powerW / ((phases ?? 1) * (nominalVoltageV ?? 230));
  }

  get isCharging(): boolean {
    return this.transaction !== undefined && this.vehicle !== undefined && this.operative;
  }

  plug(vehicle: VehicleSpec, now: Date): void {
    this.settleTo(now, () => 0);
    this.vehicle = vehicle;
    this.socPercent = vehicle.socPercent;
    this.sessionFinished = false;
  }

  unplug(now: Date): void {
    this.settleTo(now, () => 0);
    this.vehicle = undefined;
    this.powerW = 0;
    this.sessionFinished = false;
  }

  /** Integrates delivered energy from the last settle up to `to`, limit given in W by `limitAtW`. */
  settleTo(to: Date, limitAtW: (at: Date) => number): void {
    let t = this.lastAt.getTime();
    const endMs = to.getTime();
    while (t < endMs) {
      const stepMs = Math.min(STEP_MS, endMs - t);
      const midpoint = new Date(t + stepMs / 2);
      const powerW = this.powerAt(midpoint, this.socPercent, limitAtW);
      const energyWh = (powerW * stepMs) / 3_600_000;
      this.energyRegisterWh += energyWh;
      if (this.vehicle)
        this.socPercent = Math.min(100, this.socPercent + (energyWh / (this.vehicle.batteryKwh * 1000)) * 100);
      t += stepMs;
    }
    if (endMs > this.lastAt.getTime()) this.lastAt = to;
    this.limitW = Math.min(this.maxPowerW, limitAtW(to));
    this.powerW = this.powerAt(to, this.socPercent, limitAtW);
  }

  private powerAt(at: Date, socPercent: number, limitAtW: (at: Date) => number): number {
    if (!this.isCharging || !this.vehicle) return 0;
    return Math.max(0, Math.min(vehicleAcceptedPowerW(this.vehicle, socPercent), this.maxPowerW, limitAtW(at)));
  }

  /** What a real charger would report: suspended by the EVSE when the limit is 0, by the EV when it takes nothing. */
  chargingStatus(): ConnectorStatus16 {
    if (!this.operative) return 'Unavailable';
    if (!this.vehicle) return 'Available';
    if (!this.transaction) return this.sessionFinished ? 'Finishing' : 'Preparing';
    if (this.powerW > 0) return 'Charging';
    return this.limitW <= 0 ? 'SuspendedEVSE' : 'SuspendedEV';
  }
}
