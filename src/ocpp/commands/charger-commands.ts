/**
 * What the rest of the app (the scheduler's tick, admin endpoints) uses to command chargers, whatever their OCPP
 * version. The gateway implements it (OcppCommandsService); tests of the tick can provide a fake under the same token.
 */
import {
  ChargingRateUnit,
  ElectricalSupply,
  NeutralChargingProfile,
  OcppVersion,
  PowerSlot,
  SendablePurpose,
} from '@apron/ocpp-model';

export const CHARGER_COMMANDS = Symbol('CHARGER_COMMANDS');

/** The charger's answer. `accepted` is false for Rejected / NotSupported / UnlockFailed …: a business outcome. */
export interface CommandOutcome<R = Record<string, unknown>> {
  accepted: boolean;
  status: string;
  response: R;
}

/** A planned power schedule (kW per slot) to send as a charging profile; built with @apron/ocpp-model. */
export interface PowerProfileCommand {
  /** StationMax = 1.6 ChargePointMaxProfile / 2.0.1 ChargingStationMaxProfile (EVSE 0 only). */
  purpose: SendablePurpose;
  /** 1.6 connectorId / 2.0.1 evseId; 0 = the whole charger. */
  evseId: number;
  profileId: number;
  stackLevel: number;
  slots: PowerSlot[];
  /** Required for Tx (1.6 §5.16, K01.FR.03). */
  transactionId?: string;
  /** Default: A for AC, W for DC. */
  rateUnit?: ChargingRateUnit;
  validTo?: Date;
  /** The charger's supply when the caller has read it already (else it is looked up). */
  supply?: ElectricalSupply;
}

export interface ClearProfileCriteria {
  profileId?: number;
  evseId?: number;
  purpose?: SendablePurpose;
  stackLevel?: number;
}

/** 1.6: `key`; 2.0.1: `variable` (and its `instance`) of `component` (its `componentInstance`, optionally on an EVSE). */
export interface ConfigurationSetting {
  key: string;
  value: string;
  component?: string;
  evseId?: number;
  /** 2.0.1 VariableType.instance, e.g. `GetVariables` of DeviceDataCtrlr.ItemsPerMessage. */
  instance?: string;
  /** 2.0.1 ComponentType.instance. */
  componentInstance?: string;
}

export type ConfigurationKey = Omit<ConfigurationSetting, 'value'>;

export type ResetKind = 'Hard' | 'Soft' | 'Immediate' | 'OnIdle';

export interface ChargerCommands {
  isOnline(chargePointId: string): boolean;
  ocppVersion(chargePointId: string): OcppVersion | undefined;
  setPowerProfile(chargePointId: string, command: PowerProfileCommand): Promise<CommandOutcome>;
  setChargingProfile(chargePointId: string, profile: NeutralChargingProfile): Promise<CommandOutcome>;
  clearChargingProfile(chargePointId: string, criteria: ClearProfileCriteria): Promise<CommandOutcome>;
  getCompositeSchedule(
    chargePointId: string,
    request: { evseId: number; durationSeconds: number; rateUnit?: ChargingRateUnit },
  ): Promise<CommandOutcome>;
  remoteStart(chargePointId: string, request: { idTag: string; evseId?: number }): Promise<CommandOutcome>;
  remoteStop(chargePointId: string, request: { transactionId: string }): Promise<CommandOutcome>;
  triggerMessage(chargePointId: string, request: { message: string; evseId?: number }): Promise<CommandOutcome>;
  setConfiguration(chargePointId: string, settings: ConfigurationSetting[]): Promise<CommandOutcome>;
  getConfiguration(chargePointId: string, keys: ConfigurationKey[]): Promise<CommandOutcome>;
  /** Energy, power and SoC in periodic meter values (1.6 MeterValuesSampledData, 2.0.1 SampledDataCtrlr). */
  enableSocMeterValues(chargePointId: string, intervalSeconds?: number): Promise<CommandOutcome>;
  changeAvailability(chargePointId: string, request: { evseId: number; operative: boolean }): Promise<CommandOutcome>;
  reset(chargePointId: string, request: { kind: ResetKind; evseId?: number }): Promise<CommandOutcome>;
  unlockConnector(chargePointId: string, request: { evseId: number; connectorId?: number }): Promise<CommandOutcome>;
}

/** The charger has no open connection to this instance: the command was not sent (nothing is queued). */
export class ChargerOfflineError extends Error {
  constructor(readonly chargePointId: string) {
    super(`Charger ${chargePointId} is not connected`);
  }
}

/** The charger answered with a CALLERROR (e.g. NotImplemented, FormatViolation). */
export class ChargerCallError extends Error {
  constructor(
    readonly chargePointId: string,
    readonly action: string,
    readonly errorCode: string,
    description: string,
  ) {
    super(`Charger ${chargePointId} answered ${action} with ${errorCode}${description ? `: ${description}` : ''}`);
  }
}

export class ChargerTimeoutError extends Error {
  constructor(
    readonly chargePointId: string,
    readonly action: string,
  ) {
    super(`Charger ${chargePointId} did not answer ${action} in time`);
  }
}

/** The command cannot be expressed for this charger (e.g. a TxProfile without transaction, W for a 1.6 AC-only unit). */
export class InvalidCommandError extends Error {}
