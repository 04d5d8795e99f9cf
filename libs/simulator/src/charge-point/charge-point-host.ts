/**
 * What the version-specific protocol adapters need from the virtual charge point. Kept as an interface so the
 * adapters and the charge point do not import each other.
 */
import { ChargingRateUnit, CompositeSchedule, NeutralChargingProfile } from '@apron/ocpp-model';
import { ChargePointSettings } from './charge-point-settings';
import { ChargingConnector } from './charging-connector';
import { Clock } from './clock';
import { ClearCriteria, InstallDecision, ProfileStore } from './profile-store';

export type StopReason =
  'EVDisconnected' | 'Remote' | 'Local' | 'HardReset' | 'SoftReset' | 'UnlockCommand' | 'DeAuthorized';

export type TriggerKind = 'BootNotification' | 'Heartbeat' | 'StatusNotification' | 'MeterValues' | 'TransactionEvent';

export interface StationInfo {
  vendor: string;
  model: string;
  serialNumber?: string;
  firmwareVersion?: string;
}

/** Deliberately wrong behaviour for tests of the central system. */
export interface FaultOptions {
  /** Send every 1.6 StartTransaction twice (a retry after a lost response). */
  duplicateStartTransaction?: boolean;
  /** Send every 2.0.1 TransactionEvent twice with the same seqNo. */
  duplicateTransactionEvents?: boolean;
  /**
   * Refuse every SetChargingProfile: answer `Rejected`, or a CALLERROR with this code (a charger without smart
   * charging). Read on each call, so a test can change it while the charger runs.
   */
  refuseChargingProfiles?: 'Rejected' | 'NotImplemented' | 'NotSupported';
}

export interface ChargePointHost {
  readonly identity: string;
  readonly clock: Clock;
  readonly settings: ChargePointSettings;
  readonly profiles: ProfileStore;
  readonly connectors: ChargingConnector[];
  readonly info: StationInfo;
  readonly faults: FaultOptions;
  /** True while the websocket is open. */
  readonly online: boolean;
  connector(id: number): ChargingConnector | undefined;
  /** Sends a call. Transactional messages are queued while offline and `build` runs when they are sent. */
  call<T>(action: string, build: () => object, transactional?: boolean): Promise<T | undefined>;
  installProfile(profile: NeutralChargingProfile): InstallDecision;
  clearProfiles(criteria: ClearCriteria): number;
  composite(evseId: number, durationSeconds: number, rateUnit?: ChargingRateUnit): CompositeSchedule | undefined;
  /**
   * Starts (or arms, until a vehicle is plugged in) a remote start; returns the connector or undefined if refused.
   * `txProfile` is installed for the new transaction once it has an id (1.6 §5.11, K05).
   */
  remoteStart(
    connectorId: number | undefined,
    idTag: string,
    remoteStartId?: number,
    txProfile?: NeutralChargingProfile,
  ): ChargingConnector | undefined;
  remoteStop(transactionId: string): boolean;
  changeAvailability(connectorId: number, operative: boolean): 'Accepted' | 'Scheduled' | 'Rejected';
  /** Ends transactions and reboots; 2.0.1 OnIdle waits for running transactions to end (B11.FR.02: Scheduled). */
  reset(hard: boolean, whenIdle?: boolean): 'Accepted' | 'Scheduled';
  /** 1.6 stops a running transaction first (§5.19); 2.0.1 refuses while one runs (F05.FR.02). */
  unlock(connectorId: number, stopRunning: boolean): 'Unlocked' | 'UnknownConnector' | 'OngoingAuthorizedTransaction';
  trigger(kind: TriggerKind, connectorId?: number): void;
  settingsChanged(): void;
}
