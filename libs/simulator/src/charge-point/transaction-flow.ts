/**
 * Plug-in to unplug on each connector: authorization, transaction start and end (local, remote, unlock, reset),
 * status changes, and the availability of connectors. Protocol details stay in the version adapters.
 */
import { NeutralChargingProfile } from '@apron/ocpp-model';
import { ChargePointProtocol } from './charge-point.protocol';
import { StopReason } from './charge-point-host';
import { ChargePointSettings } from './charge-point-settings';
import { ChargingConnector } from './charging-connector';
import { Clock } from './clock';
import { InstallDecision, ProfileStore } from './profile-store';
import { VehicleSpec } from './virtual-vehicle';
import { snapshotOf } from './virtual-charge-point.options';

export interface TransactionFlowDeps {
  protocol: ChargePointProtocol;
  settings: ChargePointSettings;
  clock: Clock;
  connectors: ChargingConnector[];
  profiles: ProfileStore;
  settle(): void;
  installProfile(profile: NeutralChargingProfile): InstallDecision;
  emit(event: string, payload: unknown): void;
  onTransactionEnded(): void;
}

export class TransactionFlow {
  constructor(private readonly deps: TransactionFlowDeps) {}

  async plugIn(c: ChargingConnector, vehicle: VehicleSpec): Promise<string | undefined> {
    this.deps.settle();
    c.plug(vehicle, this.deps.clock.now());
    await this.refreshStatus(c);
    const remote = c.pendingRemoteStart;
    c.pendingRemoteStart = undefined;
    const idTag = remote?.idTag ?? vehicle.idTag;
    if (!remote || this.deps.settings.authorizeRemoteStart) {
      if (!(await this.deps.protocol.authorize(idTag))) return undefined;
    }
    await this.begin(c, idTag, remote?.remoteStartId, remote?.txProfile);
    return c.transaction?.id;
  }

  async unplug(c: ChargingConnector): Promise<void> {
    this.deps.settle();
    if (c.transaction) await this.end(c, 'EVDisconnected');
    c.unplug(this.deps.clock.now());
    await this.refreshStatus(c);
  }

  remoteStart(
    connectorId: number | undefined,
    idTag: string,
    remoteStartId?: number,
    txProfile?: NeutralChargingProfile,
  ): ChargingConnector | undefined {
    if (txProfile && txProfile.purpose !== 'Tx') return undefined; // 1.6 §5.11, F01.FR.08: only a TxProfile
    const { connectors } = this.deps;
    const c =
      connectorId !== undefined && connectorId > 0
        ? connectors.find((x) => x.id === connectorId)
        : (connectors.find((x) => x.vehicle && !x.transaction && x.operative) ??
          connectors.find((x) => !x.transaction && x.operative));
    if (!c || c.transaction || !c.operative) return undefined;
    if (!c.vehicle) {
      // Armed until a vehicle is plugged in (1.6 §5.11, F02).
      c.pendingRemoteStart = { idTag, remoteStartId, txProfile };
      return c;
    }
    setImmediate(async () => {
      if (this.deps.settings.authorizeRemoteStart && !(await this.deps.protocol.authorize(idTag))) return;
      await this.begin(c, idTag, remoteStartId, txProfile);
    });
    return c;
  }

  remoteStop(transactionId: string): boolean {
    const c = this.deps.connectors.find((x) => x.transaction?.id === transactionId);
    if (!c) return false;
    setImmediate(() => void this.end(c, 'Remote'));
    return true;
  }

  unlock(connectorId: number, stopRunning: boolean): 'Unlocked' | 'UnknownConnector' | 'OngoingAuthorizedTransaction' {
    const c = this.deps.connectors.find((x) => x.id === connectorId);
    if (!c) return 'UnknownConnector';
    if (c.transaction && !stopRunning) return 'OngoingAuthorizedTransaction'; // F05.FR.02
    if (c.transaction) setImmediate(() => void this.end(c, 'UnlockCommand'));
    return 'Unlocked';
  }

  /** 1.6 §5.2, G03/G04: a connector with a running transaction becomes Inoperative when it ends (Scheduled). */
  changeAvailability(connectorId: number, operative: boolean): 'Accepted' | 'Scheduled' | 'Rejected' {
    const { connectors } = this.deps;
    const targets = connectorId === 0 ? connectors : connectors.filter((c) => c.id === connectorId);
    if (targets.length === 0) return 'Rejected';
    let scheduled = false;
    for (const c of targets) {
      c.inoperativeWhenIdle = false;
      if (!operative && c.transaction) {
        c.inoperativeWhenIdle = true;
        scheduled = true;
      } else c.operative = operative;
    }
    setImmediate(() => connectors.forEach((c) => void this.refreshStatus(c)));
    return scheduled ? 'Scheduled' : 'Accepted';
  }

  async begin(
    c: ChargingConnector,
    idTag: string,
    remoteStartId?: number,
    txProfile?: NeutralChargingProfile,
  ): Promise<void> {
    this.deps.settle();
    if (!(await this.deps.protocol.startTransaction(c, idTag, remoteStartId))) {
      await this.end(c, 'DeAuthorized');
      return;
    }
    const tx = c.transaction;
    if (txProfile && tx?.id) this.deps.installProfile({ ...txProfile, evseId: c.id, transactionId: tx.id });
    this.deps.settle();
    await this.refreshStatus(c);
    this.deps.emit('transactionStarted', snapshotOf(c));
  }

  async end(c: ChargingConnector, reason: StopReason): Promise<void> {
    this.deps.settle();
    const tx = c.transaction;
    if (!tx) return;
    c.powerW = 0;
    await this.deps.protocol.stopTransaction(c, reason);
    c.transaction = undefined;
    this.deps.profiles.endTransaction(tx.id);
    this.deps.emit('transactionEnded', {
      connectorId: c.id,
      transactionId: tx.id,
      energyRegisterWh: c.energyRegisterWh,
    });
    c.sessionFinished = true;
    if (c.inoperativeWhenIdle) {
      c.operative = false;
      c.inoperativeWhenIdle = false;
    }
    await this.refreshStatus(c);
    this.deps.onTransactionEnded();
  }

  /** Reports a changed connector state: 1.6 StatusNotification, 2.0.1 StatusNotification or TransactionEvent. */
  async refreshStatus(c: ChargingConnector): Promise<void> {
    const previous = c.status;
    c.status = c.chargingStatus();
    if (c.status !== previous) await this.deps.protocol.statusChanged(c, previous);
  }
}
