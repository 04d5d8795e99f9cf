/** OCPP 1.6 messages initiated by the Central System (§6, "Central System → Charge Point"). */
import { V16ChargingProfile, V16ChargingProfilePurpose, V16ChargingRateUnit, V16KeyValue } from './v16-common.types';

export interface V16SetChargingProfileRequest {
  connectorId: number;
  csChargingProfiles: V16ChargingProfile;
}
export interface V16SetChargingProfileResponse {
  status: 'Accepted' | 'Rejected' | 'NotSupported';
}

export interface V16ClearChargingProfileRequest {
  id?: number;
  connectorId?: number;
  chargingProfilePurpose?: V16ChargingProfilePurpose;
  stackLevel?: number;
}
export interface V16ClearChargingProfileResponse {
  status: 'Accepted' | 'Unknown';
}

export interface V16GetCompositeScheduleRequest {
  connectorId: number;
  duration: number;
  chargingRateUnit?: V16ChargingRateUnit;
}
export interface V16GetCompositeScheduleResponse {
  status: 'Accepted' | 'Rejected';
  connectorId?: number;
  scheduleStart?: string;
  chargingSchedule?: {
    duration?: number;
    startSchedule?: string;
    chargingRateUnit: V16ChargingRateUnit;
    chargingSchedulePeriod: { startPeriod: number; limit: number; numberPhases?: number }[];
    minChargingRate?: number;
  };
}

export interface V16RemoteStartTransactionRequest {
  connectorId?: number;
  idTag: string;
  chargingProfile?: V16ChargingProfile;
}
export interface V16RemoteStopTransactionRequest {
  transactionId: number;
}
export interface V16RemoteStartStopResponse {
  status: 'Accepted' | 'Rejected';
}

export interface V16TriggerMessageRequest {
  requestedMessage:
    | 'BootNotification'
    | 'DiagnosticsStatusNotification'
    | 'FirmwareStatusNotification'
    | 'Heartbeat'
    | 'MeterValues'
    | 'StatusNotification';
  connectorId?: number;
}
export interface V16TriggerMessageResponse {
  status: 'Accepted' | 'Rejected' | 'NotImplemented';
}

export interface V16ChangeConfigurationRequest {
  key: string;
  value: string;
}
export interface V16ChangeConfigurationResponse {
  status: 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';
}

export interface V16GetConfigurationRequest {
  key?: string[];
}
export interface V16GetConfigurationResponse {
  configurationKey?: V16KeyValue[];
  unknownKey?: string[];
}

export interface V16ChangeAvailabilityRequest {
  connectorId: number;
  type: 'Inoperative' | 'Operative';
}
export interface V16ChangeAvailabilityResponse {
  status: 'Accepted' | 'Rejected' | 'Scheduled';
}

export interface V16ResetRequest {
  type: 'Hard' | 'Soft';
}
export interface V16ResetResponse {
  status: 'Accepted' | 'Rejected';
}

export interface V16UnlockConnectorRequest {
  connectorId: number;
}
export interface V16UnlockConnectorResponse {
  status: 'Unlocked' | 'UnlockFailed' | 'NotSupported';
}

/** Request payload per Central System → Charge Point action. */
export interface V16CentralSystemRequests {
  SetChargingProfile: V16SetChargingProfileRequest;
  ClearChargingProfile: V16ClearChargingProfileRequest;
  GetCompositeSchedule: V16GetCompositeScheduleRequest;
  RemoteStartTransaction: V16RemoteStartTransactionRequest;
  RemoteStopTransaction: V16RemoteStopTransactionRequest;
  TriggerMessage: V16TriggerMessageRequest;
  ChangeConfiguration: V16ChangeConfigurationRequest;
  GetConfiguration: V16GetConfigurationRequest;
  ChangeAvailability: V16ChangeAvailabilityRequest;
  Reset: V16ResetRequest;
  UnlockConnector: V16UnlockConnectorRequest;
}

/** Response payload per Central System → Charge Point action. */
export interface V16CentralSystemResponses {
  SetChargingProfile: V16SetChargingProfileResponse;
  ClearChargingProfile: V16ClearChargingProfileResponse;
  GetCompositeSchedule: V16GetCompositeScheduleResponse;
  RemoteStartTransaction: V16RemoteStartStopResponse;
  RemoteStopTransaction: V16RemoteStartStopResponse;
  TriggerMessage: V16TriggerMessageResponse;
  ChangeConfiguration: V16ChangeConfigurationResponse;
  GetConfiguration: V16GetConfigurationResponse;
  ChangeAvailability: V16ChangeAvailabilityResponse;
  Reset: V16ResetResponse;
  UnlockConnector: V16UnlockConnectorResponse;
}

export type V16CentralSystemAction = keyof V16CentralSystemRequests;
