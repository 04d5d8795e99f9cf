/** OCPP 2.0.1 messages initiated by the Charging Station. */
import {
  V201ChargingLimitSource,
  V201ChargingProfile,
  V201ChargingSchedule,
  V201Component,
  V201ConnectorStatus,
  V201Evse,
  V201IdToken,
  V201IdTokenInfo,
  V201MeterValue,
  V201StatusInfo,
  V201Variable,
} from './v201-common.types';

export interface V201BootNotificationRequest {
  reason:
    | 'ApplicationReset'
    | 'FirmwareUpdate'
    | 'LocalReset'
    | 'PowerUp'
    | 'RemoteReset'
    | 'ScheduledReset'
    | 'Triggered'
    | 'Unknown'
    | 'Watchdog';
  chargingStation: {
    model: string;
    vendorName: string;
    serialNumber?: string;
    firmwareVersion?: string;
    modem?: { iccid?: string; imsi?: string };
  };
}
export interface V201BootNotificationResponse {
  currentTime: string;
  interval: number;
  status: 'Accepted' | 'Pending' | 'Rejected';
  statusInfo?: V201StatusInfo;
}

export type V201HeartbeatRequest = Record<string, never>;
export interface V201HeartbeatResponse {
  currentTime: string;
}

export interface V201StatusNotificationRequest {
  timestamp: string;
  connectorStatus: V201ConnectorStatus;
  evseId: number;
  connectorId: number;
}
export type V201StatusNotificationResponse = Record<string, never>;

export interface V201AuthorizeRequest {
  idToken: V201IdToken;
  certificate?: string;
}
export interface V201AuthorizeResponse {
  idTokenInfo: V201IdTokenInfo;
  certificateStatus?: string;
}

export type V201TransactionEventType = 'Started' | 'Updated' | 'Ended';
export type V201TriggerReason =
  | 'Authorized'
  | 'CablePluggedIn'
  | 'ChargingRateChanged'
  | 'ChargingStateChanged'
  | 'Deauthorized'
  | 'EnergyLimitReached'
  | 'EVCommunicationLost'
  | 'EVConnectTimeout'
  | 'MeterValueClock'
  | 'MeterValuePeriodic'
  | 'TimeLimitReached'
  | 'Trigger'
  | 'UnlockCommand'
  | 'StopAuthorized'
  | 'EVDeparted'
  | 'EVDetected'
  | 'RemoteStop'
  | 'RemoteStart'
  | 'AbnormalCondition'
  | 'SignedDataReceived'
  | 'ResetCommand';
export type V201StoppedReason =
  | 'DeAuthorized'
  | 'EmergencyStop'
  | 'EnergyLimitReached'
  | 'EVDisconnected'
  | 'GroundFault'
  | 'ImmediateReset'
  | 'Local'
  | 'LocalOutOfCredit'
  | 'MasterPass'
  | 'Other'
  | 'OvercurrentFault'
  | 'PowerLoss'
  | 'PowerQuality'
  | 'Reboot'
  | 'Remote'
  | 'SOCLimitReached'
  | 'StoppedByEV'
  | 'TimeLimitReached'
  | 'Timeout';
export type V201ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';

export interface V201TransactionEventRequest {
  eventType: V201TransactionEventType;
  timestamp: string;
  triggerReason: V201TriggerReason;
  seqNo: number;
  offline?: boolean;
  numberOfPhasesUsed?: number;
  cableMaxCurrent?: number;
  reservationId?: number;
  transactionInfo: {
    transactionId: string;
    chargingState?: V201ChargingState;
    timeSpentCharging?: number;
    stoppedReason?: V201StoppedReason;
    remoteStartId?: number;
  };
  evse?: V201Evse;
  idToken?: V201IdToken;
  meterValue?: V201MeterValue[];
}
export interface V201TransactionEventResponse {
  totalCost?: number;
  chargingPriority?: number;
  idTokenInfo?: V201IdTokenInfo;
}

export interface V201MeterValuesRequest {
  evseId: number;
  meterValue: V201MeterValue[];
}
export type V201MeterValuesResponse = Record<string, never>;

/** K17: the charging profile the EV chose, for the CSMS to check against what it granted. */
export interface V201NotifyEVChargingScheduleRequest {
  timeBase: string;
  evseId: number;
  chargingSchedule: V201ChargingSchedule;
}

export interface V201NotifyEVChargingNeedsRequest {
  evseId: number;
  maxScheduleTuples?: number;
  chargingNeeds: {
    requestedEnergyTransfer: 'DC' | 'AC_single_phase' | 'AC_two_phase' | 'AC_three_phase';
    departureTime?: string;
    /** Energy in Wh, currents in A, voltage in V. */
    acChargingParameters?: { energyAmount: number; evMinCurrent: number; evMaxCurrent: number; evMaxVoltage: number };
    /** Energy in Wh, power in W, SoC in percent. */
    dcChargingParameters?: {
      evMaxCurrent: number;
      evMaxVoltage: number;
      energyAmount?: number;
      evMaxPower?: number;
      stateOfCharge?: number;
      evEnergyCapacity?: number;
      fullSoC?: number;
      bulkSoC?: number;
    };
  };
}
export interface V201NotifyEVChargingNeedsResponse {
  status: 'Accepted' | 'Rejected' | 'Processing';
  statusInfo?: V201StatusInfo;
}

export interface V201NotifyChargingLimitRequest {
  evseId?: number;
  chargingLimit: { chargingLimitSource: V201ChargingLimitSource; isGridCritical?: boolean };
  chargingSchedule?: V201ChargingSchedule[];
}
export interface V201ClearedChargingLimitRequest {
  chargingLimitSource: V201ChargingLimitSource;
  evseId?: number;
}
export interface V201ReportChargingProfilesRequest {
  requestId: number;
  chargingLimitSource: V201ChargingLimitSource;
  evseId: number;
  chargingProfile: V201ChargingProfile[];
  tbc?: boolean;
}

export interface V201NotifyReportRequest {
  requestId: number;
  generatedAt: string;
  seqNo: number;
  tbc?: boolean;
  reportData?: {
    component: V201Component;
    variable: V201Variable;
    variableAttribute: {
      type?: string;
      value?: string;
      mutability?: string;
      persistent?: boolean;
      constant?: boolean;
    }[];
    variableCharacteristics?: { unit?: string; dataType: string; minLimit?: number; maxLimit?: number };
  }[];
}
export interface V201NotifyEventRequest {
  generatedAt: string;
  seqNo: number;
  tbc?: boolean;
  eventData: {
    eventId: number;
    timestamp: string;
    trigger: 'Alerting' | 'Delta' | 'Periodic';
    actualValue: string;
    eventNotificationType: 'HardWiredNotification' | 'HardWiredMonitor' | 'PreconfiguredMonitor' | 'CustomMonitor';
    component: V201Component;
    variable: V201Variable;
    cause?: number;
    techCode?: string;
    techInfo?: string;
    cleared?: boolean;
    transactionId?: string;
    variableMonitoringId?: number;
  }[];
}
export interface V201SecurityEventNotificationRequest {
  type: string;
  timestamp: string;
  techInfo?: string;
}
export interface V201FirmwareStatusNotificationRequest {
  status: string;
  requestId?: number;
}
export interface V201LogStatusNotificationRequest {
  status: string;
  requestId?: number;
}
export interface V201DataTransferRequest {
  vendorId: string;
  messageId?: string;
  data?: unknown;
}
export interface V201DataTransferResponse {
  status: 'Accepted' | 'Rejected' | 'UnknownMessageId' | 'UnknownVendorId';
  data?: unknown;
  statusInfo?: V201StatusInfo;
}

type Empty = Record<string, never>;

/** Request payload per Charging Station → CSMS action. */
export interface V201StationRequests {
  BootNotification: V201BootNotificationRequest;
  Heartbeat: V201HeartbeatRequest;
  StatusNotification: V201StatusNotificationRequest;
  Authorize: V201AuthorizeRequest;
  TransactionEvent: V201TransactionEventRequest;
  MeterValues: V201MeterValuesRequest;
  NotifyEVChargingNeeds: V201NotifyEVChargingNeedsRequest;
  NotifyEVChargingSchedule: V201NotifyEVChargingScheduleRequest;
  NotifyChargingLimit: V201NotifyChargingLimitRequest;
  ClearedChargingLimit: V201ClearedChargingLimitRequest;
  ReportChargingProfiles: V201ReportChargingProfilesRequest;
  NotifyReport: V201NotifyReportRequest;
  NotifyEvent: V201NotifyEventRequest;
  SecurityEventNotification: V201SecurityEventNotificationRequest;
  FirmwareStatusNotification: V201FirmwareStatusNotificationRequest;
  LogStatusNotification: V201LogStatusNotificationRequest;
  DataTransfer: V201DataTransferRequest;
}

/** Response payload per Charging Station → CSMS action. */
export interface V201StationResponses {
  BootNotification: V201BootNotificationResponse;
  Heartbeat: V201HeartbeatResponse;
  StatusNotification: V201StatusNotificationResponse;
  Authorize: V201AuthorizeResponse;
  TransactionEvent: V201TransactionEventResponse;
  MeterValues: V201MeterValuesResponse;
  NotifyEVChargingNeeds: V201NotifyEVChargingNeedsResponse;
  NotifyChargingLimit: Empty;
  ClearedChargingLimit: Empty;
  ReportChargingProfiles: Empty;
  NotifyReport: Empty;
  NotifyEvent: Empty;
  SecurityEventNotification: Empty;
  FirmwareStatusNotification: Empty;
  LogStatusNotification: Empty;
  DataTransfer: V201DataTransferResponse;
}

export type V201StationAction = keyof V201StationRequests;
