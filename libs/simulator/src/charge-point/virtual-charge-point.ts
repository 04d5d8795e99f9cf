/**
 * A virtual OCPP 1.6 / 2.0.1 charger: an ocpp-rpc client with charging physics on an injectable clock.
 * Boots (honouring Pending/Rejected), heartbeats, reports status, runs transactions for plugged-in vehicles, obeys
 * charging profiles through the composite schedule, sends meter values, and queues transaction messages offline.
 */
import { EventEmitter } from 'node:events';
import { ChargingRateUnit, CompositeSchedule, NeutralChargingProfile } from '@apron/ocpp-model';
import { BootReason, ChargePointProtocol } from './charge-point.protocol';
import { ChargePointHost, FaultOptions, StationInfo, StopReason, TriggerKind } from './charge-point-host';
import { ChargePointSettings } from './charge-point-settings';
import { ChargingConnector } from './charging-connector';
import { Clock, RealClock, TimerHandle } from './clock';
import { ClearCriteria, InstallDecision, ProfileStore } from './profile-store';
import { SmartCharging } from './smart-charging';
import { ChargePointLink } from './charge-point-link';
import { PeriodicTimer } from './periodic-timer';
import { RpcClient } from './rpc-client.factory';
import { V16ChargePointProtocol } from './v16-charge-point.protocol';
import { V201ChargingStationProtocol } from './v201-charging-station.protocol';
import { VehicleSpec } from './virtual-vehicle';
import { ConnectorSnapshot, snapshotOf, VirtualChargePointOptions } from './virtual-charge-point.options';

export class VirtualChargePoint extends EventEmitter implements ChargePointHost {
  readonly identity: string;
  readonly clock: Clock;
  readonly settings = new ChargePointSettings();
  readonly profiles: ProfileStore;
  readonly connectors: ChargingConnector[];
  readonly info: StationInfo;
  readonly faults: FaultOptions;
  readonly client: RpcClient;
  registration: 'Unknown' | 'Accepted' | 'Pending' | 'Rejected' = 'Unknown';
  private readonly protocol: ChargePointProtocol;
  private readonly link: ChargePointLink;
  private readonly smartCharging: SmartCharging;
  private readonly heartbeatTimer: PeriodicTimer;
  private readonly meterTimer: PeriodicTimer;
  private bootTimer?: TimerHandle;
  private stopped = false;

  constructor(private readonly options: VirtualChargePointOptions) {
    super();
    this.identity = options.identity;
    this.clock = options.clock ?? new RealClock();
    const now = this.clock.now();
    const specs = options.connectors ?? [{ maxPowerKw: 22, currentType: 'AC' as const, phases: 3 }];
    this.connectors = specs.map((spec, i) => new ChargingConnector(i + 1, spec, now));
    this.info = {
      vendor: options.vendor ?? 'Apron',
      model: options.model ?? 'VirtualCharger',
      serialNumber: options.serialNumber ?? options.identity,
      firmwareVersion: options.firmwareVersion ?? '1.0.0',
    };
    this.faults = options.faults ?? {};
    this.smartCharging = new SmartCharging(
      options.protocol === 'ocpp1.6' ? '1.6' : '2.0.1',
      this.clock,
      this.settings,
      this.connectors,
    );
    this.profiles = this.smartCharging.profiles;
    this.settings.meterIntervalSeconds = options.meterIntervalSeconds ?? 60;
    this.settings.heartbeatIntervalSeconds = options.heartbeatIntervalSeconds ?? 300;
    this.link = new ChargePointLink(options, options.maxOfflineQueue ?? 1000, (action, error) =>
      this.emit('callError', { action, error }),
    );
    this.client = this.link.client;
    this.heartbeatTimer = new PeriodicTimer(
      this.clock,
      () => this.settings.heartbeatIntervalSeconds,
      () => void this.protocol.heartbeat(),
    );
    this.meterTimer = new PeriodicTimer(
      this.clock,
      () => this.settings.meterIntervalSeconds,
      () => this.sampleMeters(),
    );
    this.protocol =
      options.protocol === 'ocpp1.6' ? new V16ChargePointProtocol(this) : new V201ChargingStationProtocol(this);
    this.protocol.registerHandlers(this.client);
    this.client.on('strictValidationFailure', (e: unknown) => this.emit('strictValidationFailure', e));
    this.client.on('disconnect', () => this.emit('disconnected'));
    this.client.on('open', () => this.onOpen());
  }

  get online(): boolean {
    return this.link.online;
  }

  /** Connects and boots; resolves once BootNotification was answered (any status). */
  async start(): Promise<void> {
    this.stopped = false;
    await this.client.connect();
    await this.boot('PowerUp');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.heartbeatTimer.stop();
    this.meterTimer.stop();
    this.clock.clearTimeout(this.bootTimer);
    await this.client.close({ code: 1000, force: false, awaitPending: false });
  }

  connector(id: number): ChargingConnector | undefined {
    return this.connectors.find((c) => c.id === id);
  }

  snapshot(connectorId = 1): ConnectorSnapshot {
    this.settle();
    const c = this.connector(connectorId);
    if (!c) throw new Error(`no connector ${connectorId}`);
    return snapshotOf(c);
  }

  /** Plugs a vehicle in: Authorize (unless remotely started) and start a transaction. Returns its id, if started. */
  async plugIn(connectorId: number, vehicle: VehicleSpec): Promise<string | undefined> {
    const c = this.requireConnector(connectorId);
    this.settle();
    c.plug(vehicle, this.clock.now());
    await this.refreshStatus(c);
    const remote = c.pendingRemoteStart;
    c.pendingRemoteStart = undefined;
    const idTag = remote?.idTag ?? vehicle.idTag;
    if (!remote || this.settings.authorizeRemoteStart) {
      if (!(await this.protocol.authorize(idTag))) return undefined;
    }
    await this.beginTransaction(c, idTag, remote?.remoteStartId, remote?.txProfile);
    return c.transaction?.id;
  }

  /** Unplugs the vehicle, ending its transaction (EVDisconnected). */
  async unplug(connectorId: number): Promise<void> {
    const c = this.requireConnector(connectorId);
    this.settle();
    if (c.transaction) await this.endTransaction(c, 'EVDisconnected');
    c.unplug(this.clock.now());
    await this.refreshStatus(c);
  }

  /** Sends a raw websocket frame, e.g. a malformed or out-of-schema message for tests. */
  sendRaw(frame: string): void {
    this.client.sendRaw(frame);
  }

  /** A call outside the simulated behaviour (e.g. a duplicate message); rejects on CALLERROR. */
  callRaw(action: string, payload: object): Promise<unknown> {
    return this.client.call(action, payload);
  }

  call<T>(action: string, build: () => object, transactional = false): Promise<T | undefined> {
    return this.link.call<T>(action, build, transactional);
  }

  installProfile(profile: NeutralChargingProfile): InstallDecision {
    const decision = this.smartCharging.install(profile);
    if (decision.accepted) this.afterProfilesChanged();
    return decision;
  }

  clearProfiles(criteria: ClearCriteria): number {
    const cleared = this.smartCharging.clear(criteria);
    if (cleared > 0) this.afterProfilesChanged();
    return cleared;
  }

  composite(evseId: number, durationSeconds: number, rateUnit?: ChargingRateUnit): CompositeSchedule | undefined {
    return this.smartCharging.composite(evseId, durationSeconds, rateUnit);
  }

  remoteStart(
    connectorId: number | undefined,
    idTag: string,
    remoteStartId?: number,
    txProfile?: NeutralChargingProfile,
  ): ChargingConnector | undefined {
    if (txProfile && txProfile.purpose !== 'Tx') return undefined; // 1.6 §5.11, F01.FR.08: only a TxProfile
    const c =
      connectorId !== undefined && connectorId > 0
        ? this.connector(connectorId)
        : (this.connectors.find((x) => x.vehicle && !x.transaction && x.operative) ??
          this.connectors.find((x) => !x.transaction && x.operative));
    if (!c || c.transaction || !c.operative) return undefined;
    if (!c.vehicle) {
      c.pendingRemoteStart = { idTag, remoteStartId, txProfile };
      return c;
    }
    setImmediate(async () => {
      if (this.settings.authorizeRemoteStart && !(await this.protocol.authorize(idTag))) return;
      await this.beginTransaction(c, idTag, remoteStartId, txProfile);
    });
    return c;
  }

  remoteStop(transactionId: string): boolean {
    const c = this.connectors.find((x) => x.transaction?.id === transactionId);
    if (!c) return false;
    setImmediate(() => void this.endTransaction(c, 'Remote'));
    return true;
  }

  changeAvailability(connectorId: number, operative: boolean): 'Accepted' | 'Scheduled' | 'Rejected' {
    const targets = connectorId === 0 ? this.connectors : [this.connector(connectorId)];
    if (targets.some((c) => !c)) return 'Rejected';
    let scheduled = false;
    for (const c of targets as ChargingConnector[]) {
      if (!operative && c.transaction)
        scheduled = true; // applied when the transaction ends
      else c.operative = operative;
    }
    setImmediate(() => this.connectors.forEach((c) => void this.refreshStatus(c)));
    return scheduled ? 'Scheduled' : 'Accepted';
  }

  reset(hard: boolean): void {
    setImmediate(async () => {
      for (const c of this.connectors)
        if (c.transaction) await this.endTransaction(c, hard ? 'HardReset' : 'SoftReset');
      await this.client.close({ code: 1000, awaitPending: true });
      this.setRegistration('Unknown');
      if (this.stopped) return;
      await this.client.connect();
      await this.boot('RemoteReset');
    });
  }

  unlock(connectorId: number, stopRunning: boolean): 'Unlocked' | 'UnknownConnector' | 'OngoingAuthorizedTransaction' {
    const c = this.connector(connectorId);
    if (!c) return 'UnknownConnector';
    if (c.transaction && !stopRunning) return 'OngoingAuthorizedTransaction'; // F05.FR.02
    if (c.transaction) setImmediate(() => void this.endTransaction(c, 'UnlockCommand'));
    return 'Unlocked';
  }

  trigger(kind: TriggerKind, connectorId?: number): void {
    const targets = connectorId ? this.connectors.filter((c) => c.id === connectorId) : this.connectors;
    // F06: the triggered message follows the response.
    setImmediate(async () => {
      if (kind === 'BootNotification') return void (await this.boot('Triggered'));
      if (kind === 'Heartbeat') return void (await this.protocol.heartbeat());
      this.settle();
      for (const c of targets) {
        if (kind === 'StatusNotification') await this.protocol.status(c);
        else await this.protocol.meterValues(c, 'Trigger');
      }
    });
  }

  settingsChanged(): void {
    if (this.registration === 'Accepted') {
      this.heartbeatTimer.start();
      this.meterTimer.start();
    }
  }

  /** Integrates every connector's energy up to now under the current composite limits. */
  settle(): void {
    this.smartCharging.settle();
  }

  private requireConnector(id: number): ChargingConnector {
    const c = this.connector(id);
    if (!c) throw new Error(`no connector ${id}`);
    return c;
  }

  private async beginTransaction(
    c: ChargingConnector,
    idTag: string,
    remoteStartId?: number,
    txProfile?: NeutralChargingProfile,
  ): Promise<void> {
    this.settle();
    await this.protocol.startTransaction(c, idTag, remoteStartId);
    const tx = c.transaction;
    if (txProfile && tx?.id) this.installProfile({ ...txProfile, evseId: c.id, transactionId: tx.id });
    this.settle();
    await this.refreshStatus(c);
    this.emit('transactionStarted', snapshotOf(c));
  }

  private async endTransaction(c: ChargingConnector, reason: StopReason): Promise<void> {
    this.settle();
    const tx = c.transaction;
    if (!tx) return;
    c.powerW = 0;
    await this.protocol.stopTransaction(c, reason);
    c.transaction = undefined;
    this.profiles.endTransaction(tx.id);
    this.emit('transactionEnded', { connectorId: c.id, transactionId: tx.id, energyRegisterWh: c.energyRegisterWh });
    c.sessionFinished = true;
    await this.refreshStatus(c);
  }

  /** Sends a status (1.6) or charging-state change (2.0.1) when the connector's state changed. */
  private async refreshStatus(c: ChargingConnector): Promise<void> {
    const previous = c.status;
    c.status = c.chargingStatus();
    if (c.status !== previous) await this.protocol.statusChanged(c, previous);
  }

  private afterProfilesChanged(): void {
    this.emit('profilesChanged', this.profiles.all());
    setImmediate(() => this.connectors.forEach((c) => void this.refreshStatus(c)));
  }

  private async boot(reason: BootReason): Promise<void> {
    this.clock.clearTimeout(this.bootTimer);
    const result = await this.protocol.boot(reason);
    if (!result) return;
    this.setRegistration(result.status);
    if (result.status !== 'Accepted') {
      // B02/B03, 1.6 §4.2: retry after the interval the CSMS gave (no other messages while Rejected).
      const delaySeconds = result.intervalSeconds > 0 ? result.intervalSeconds : (this.options.bootRetrySeconds ?? 30);
      this.bootTimer = this.clock.setTimeout(() => void this.boot(reason), delaySeconds * 1000);
      return;
    }
    if (result.intervalSeconds > 0) this.settings.heartbeatIntervalSeconds = result.intervalSeconds;
    this.heartbeatTimer.start();
    this.meterTimer.start();
    for (const c of this.connectors) await this.protocol.status(c);
    await this.link.flush();
    this.emit('booted');
  }

  private onOpen(): void {
    // A reconnect without reboot: no new BootNotification; report status and send what was queued offline.
    if (this.registration !== 'Accepted') return;
    this.emit('reconnected');
    setImmediate(async () => {
      await this.link.flush();
      for (const c of this.connectors) await this.protocol.status(c);
    });
  }

  private setRegistration(status: VirtualChargePoint['registration']): void {
    this.registration = status;
    this.link.registered = status === 'Accepted';
    this.emit('registration', status);
  }

  private sampleMeters(): void {
    this.settle();
    for (const c of this.connectors) {
      if (!c.transaction) continue;
      void this.refreshStatus(c);
      void this.protocol.meterValues(c, 'Sample.Periodic');
      this.emit('meterValues', snapshotOf(c));
    }
  }
}
