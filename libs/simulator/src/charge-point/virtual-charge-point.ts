/**
 * A virtual OCPP 1.6 / 2.0.1 charger: an ocpp-rpc client with charging physics on an injectable clock.
 * Boots (honouring Pending/Rejected), heartbeats, reports status, runs transactions for plugged-in vehicles, obeys
 * charging profiles through the composite schedule, sends meter values, and queues transaction messages offline.
 */
import { EventEmitter } from 'node:events';
import { ChargingRateUnit, CompositeSchedule, NeutralChargingProfile } from '@apron/ocpp-model';
import { BootReason, ChargePointProtocol } from './charge-point.protocol';
import { ChargePointHost, FaultOptions, StationInfo, TriggerKind } from './charge-point-host';
import { ChargePointSettings } from './charge-point-settings';
import { ChargingConnector } from './charging-connector';
import { Clock, RealClock, TimerHandle } from './clock';
import { ClearCriteria, InstallDecision, ProfileStore } from './profile-store';
import { SmartCharging } from './smart-charging';
import { TransactionFlow } from './transaction-flow';
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
  private readonly flow: TransactionFlow;
  private readonly heartbeatTimer: PeriodicTimer;
  private readonly meterTimer: PeriodicTimer;
  private bootTimer?: TimerHandle;
  private stopped = false;
  private resetWhenIdle = false;

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
    this.flow = new TransactionFlow({
      protocol: this.protocol,
      settings: this.settings,
      clock: this.clock,
      connectors: this.connectors,
      profiles: this.profiles,
      settle: () => this.settle(),
      installProfile: (profile) => this.installProfile(profile),
      emit: (event, payload) => this.emit(event, payload),
      onTransactionEnded: () => {
        if (this.resetWhenIdle && !this.connectors.some((c) => c.transaction)) this.reset(false);
      },
    });
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
  plugIn(connectorId: number, vehicle: VehicleSpec): Promise<string | undefined> {
    return this.flow.plugIn(this.requireConnector(connectorId), vehicle);
  }

  /** Unplugs the vehicle, ending its transaction (EVDisconnected). */
  unplug(connectorId: number): Promise<void> {
    return this.flow.unplug(this.requireConnector(connectorId));
  }

  /** Sets the energy register (a meter replaced or reset), so a central system's reset detection can be tested. */
  resetMeterRegister(connectorId: number, energyRegisterWh = 0): void {
    this.settle();
    this.requireConnector(connectorId).energyRegisterWh = energyRegisterWh;
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
    return this.flow.remoteStart(connectorId, idTag, remoteStartId, txProfile);
  }

  remoteStop(transactionId: string): boolean {
    return this.flow.remoteStop(transactionId);
  }

  changeAvailability(connectorId: number, operative: boolean): 'Accepted' | 'Scheduled' | 'Rejected' {
    return this.flow.changeAvailability(connectorId, operative);
  }

  reset(hard: boolean, whenIdle = false): 'Accepted' | 'Scheduled' {
    this.resetWhenIdle = whenIdle && this.connectors.some((c) => c.transaction);
    if (this.resetWhenIdle) return 'Scheduled';
    setImmediate(async () => {
      for (const c of this.connectors) if (c.transaction) await this.flow.end(c, hard ? 'HardReset' : 'SoftReset');
      await this.client.close({ code: 1000, awaitPending: true });
      this.setRegistration('Unknown');
      if (this.stopped) return;
      await this.client.connect();
      await this.boot('RemoteReset');
    });
    return 'Accepted';
  }

  unlock(connectorId: number, stopRunning: boolean): 'Unlocked' | 'UnknownConnector' | 'OngoingAuthorizedTransaction' {
    return this.flow.unlock(connectorId, stopRunning);
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

  private afterProfilesChanged(): void {
    this.emit('profilesChanged', this.profiles.all());
    setImmediate(() => this.connectors.forEach((c) => void this.flow.refreshStatus(c)));
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
      void this.flow.refreshStatus(c);
      void this.protocol.meterValues(c, 'Sample.Periodic');
      this.emit('meterValues', snapshotOf(c));
    }
  }
}
