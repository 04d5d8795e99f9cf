/**
 * Version-neutral events that OCPP 1.6 and 2.0.1 charger→CSMS messages map onto.
 * Units are in the names; timestamps are Dates; transaction ids are strings in both versions.
 * For 1.6, `evseId` is the 1.6 connectorId (0 = whole charge point) and `connectorId` is 1 (0 for the charge point),
 * mirroring 2.0.1 where every EVSE has its own connectors.
 */
import { NeutralChargingProfile, NeutralChargingSchedule } from '../profiles/neutral-charging-profile';

export type OcppVersion = '1.6' | '2.0.1';

/** 2.0.1 ConnectorStatusEnumType; 1.6 Preparing/Charging/Suspended*/ /*Finishing map to Occupied. */
export type ConnectorStatus = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';

/** 2.0.1 ChargingStateEnumType; 1.6 statuses map onto it (Preparing/Finishing → EVConnected). */
export type ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';

export interface ChargerBootedEvent {
  type: 'charger.booted';
  vendor: string;
  model: string;
  serialNumber?: string;
  firmwareVersion?: string;
  reason?: string;
}

export interface HeartbeatEvent {
  type: 'charger.heartbeat';
}

export interface ConnectorStatusEvent {
  type: 'connector.status';
  evseId: number;
  connectorId: number;
  status: ConnectorStatus;
  chargingState?: ChargingState;
  /** 1.6 errorCode when not NoError. */
  errorCode?: string;
  /** The version's own status value, e.g. 1.6 SuspendedEV. */
  rawStatus: string;
  at?: Date;
}

export interface AuthorizeRequestedEvent {
  type: 'authorize.requested';
  idTag: string;
  idTokenType?: string;
}

export interface SessionStartedEvent {
  type: 'session.started';
  /** 1.6: the id the CSMS assigned in StartTransaction.conf (undefined if no response was given to the mapper). */
  transactionId?: string;
  evseId?: number;
  connectorId?: number;
  idTag?: string;
  meterStartWh?: number;
  at: Date;
  seqNo?: number;
  reservationId?: number;
  remoteStartId?: number;
  triggerReason?: string;
  offline?: boolean;
}

export interface SessionUpdatedEvent {
  type: 'session.updated';
  transactionId: string;
  evseId?: number;
  connectorId?: number;
  idTag?: string;
  chargingState?: ChargingState;
  at: Date;
  seqNo: number;
  triggerReason: string;
  offline?: boolean;
}

export interface SessionEndedEvent {
  type: 'session.ended';
  transactionId: string;
  evseId?: number;
  idTag?: string;
  meterStopWh?: number;
  reason?: string;
  at: Date;
  seqNo?: number;
  triggerReason?: string;
  offline?: boolean;
}

export interface MeterSampleEvent {
  type: 'meter.sample';
  /** Absent when the message does not say (1.6 StopTransaction, 2.0.1 TransactionEvent after the first). */
  evseId?: number;
  transactionId?: string;
  at: Date;
  context?: string;
  /** Energy.Active.Import.Register in Wh (kWh and multipliers converted). */
  energyWh?: number;
  energyExportWh?: number;
  /** Power.Active.Import in W; phases summed when only per-phase values are sent. */
  powerW?: number;
  powerOfferedW?: number;
  socPercent?: number;
  /** Current.Import in A: the unphased value, else the highest phase current (the value A-limits constrain, K01.FR.51). */
  currentA?: number;
  currentOfferedA?: number;
  /** Voltage in V: the unphased value, else the mean of the phase values. */
  voltageV?: number;
}

export interface EvChargingNeedsEvent {
  type: 'ev.chargingNeeds';
  evseId: number;
  transferMode: string;
  departureTime?: Date;
  energyAmountWh?: number;
  minCurrentA?: number;
  maxCurrentA?: number;
  maxVoltageV?: number;
  maxPowerW?: number;
  socPercent?: number;
  capacityWh?: number;
  maxScheduleTuples?: number;
}

export interface ChargingLimitSetEvent {
  type: 'chargingLimit.set';
  evseId?: number;
  source: string;
  isGridCritical?: boolean;
  schedules: NeutralChargingSchedule[];
}

export interface ChargingLimitClearedEvent {
  type: 'chargingLimit.cleared';
  evseId?: number;
  source: string;
}

export interface ChargingProfilesReportedEvent {
  type: 'chargingProfiles.reported';
  requestId: number;
  evseId: number;
  source: string;
  profiles: NeutralChargingProfile[];
  tbc: boolean;
}

export interface DataTransferEvent {
  type: 'data.transfer';
  vendorId: string;
  messageId?: string;
  data?: unknown;
}

/** Firmware, diagnostics (1.6) and log upload (2.0.1) progress. */
export interface MaintenanceStatusEvent {
  type: 'maintenance.status';
  kind: 'firmware' | 'diagnostics' | 'log';
  status: string;
  requestId?: number;
}

export interface SecurityEvent {
  type: 'security.event';
  eventType: string;
  at: Date;
  techInfo?: string;
}

export interface DeviceReportEvent {
  type: 'device.report';
  requestId: number;
  seqNo: number;
  tbc: boolean;
  generatedAt: Date;
  variables: { component: string; evseId?: number; variable: string; instance?: string; value?: string }[];
}

export interface DeviceEventEvent {
  type: 'device.event';
  seqNo: number;
  generatedAt: Date;
  events: {
    eventId: number;
    at: Date;
    trigger: string;
    component: string;
    variable: string;
    actualValue: string;
    cleared?: boolean;
    transactionId?: string;
  }[];
}

export type OcppEvent =
  | ChargerBootedEvent
  | HeartbeatEvent
  | ConnectorStatusEvent
  | AuthorizeRequestedEvent
  | SessionStartedEvent
  | SessionUpdatedEvent
  | SessionEndedEvent
  | MeterSampleEvent
  | EvChargingNeedsEvent
  | ChargingLimitSetEvent
  | ChargingLimitClearedEvent
  | ChargingProfilesReportedEvent
  | DataTransferEvent
  | MaintenanceStatusEvent
  | SecurityEvent
  | DeviceReportEvent
  | DeviceEventEvent;

export type OcppEventType = OcppEvent['type'];
