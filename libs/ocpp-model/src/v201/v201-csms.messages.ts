/** OCPP 2.0.1 messages initiated by the CSMS. */
import {
  V201Attribute,
  V201ChargingProfile,
  V201ChargingProfilePurpose,
  V201ChargingRateUnit,
  V201ChargingSchedulePeriod,
  V201Component,
  V201Evse,
  V201IdToken,
  V201StatusInfo,
  V201Variable,
} from './v201-common.types';

interface StatusResponse<S extends string> {
  status: S;
  statusInfo?: V201StatusInfo;
}

export interface V201SetChargingProfileRequest {
  evseId: number;
  chargingProfile: V201ChargingProfile;
}
export type V201SetChargingProfileResponse = StatusResponse<'Accepted' | 'Rejected'>;

export interface V201ClearChargingProfileRequest {
  chargingProfileId?: number;
  chargingProfileCriteria?: {
    evseId?: number;
    chargingProfilePurpose?: V201ChargingProfilePurpose;
    stackLevel?: number;
  };
}
export type V201ClearChargingProfileResponse = StatusResponse<'Accepted' | 'Unknown'>;

export interface V201GetCompositeScheduleRequest {
  duration: number;
  chargingRateUnit?: V201ChargingRateUnit;
  evseId: number;
}
export interface V201CompositeSchedule {
  evseId: number;
  duration: number;
  scheduleStart: string;
  chargingRateUnit: V201ChargingRateUnit;
  chargingSchedulePeriod: V201ChargingSchedulePeriod[];
}
export interface V201GetCompositeScheduleResponse extends StatusResponse<'Accepted' | 'Rejected'> {
  schedule?: V201CompositeSchedule;
}

export interface V201RequestStartTransactionRequest {
  evseId?: number;
  remoteStartId: number;
  idToken: V201IdToken;
  groupIdToken?: V201IdToken;
  chargingProfile?: V201ChargingProfile;
}
export interface V201RequestStartTransactionResponse extends StatusResponse<'Accepted' | 'Rejected'> {
  transactionId?: string;
}
export interface V201RequestStopTransactionRequest {
  transactionId: string;
}
export type V201RequestStopTransactionResponse = StatusResponse<'Accepted' | 'Rejected'>;

export interface V201TriggerMessageRequest {
  requestedMessage:
    | 'BootNotification'
    | 'LogStatusNotification'
    | 'FirmwareStatusNotification'
    | 'Heartbeat'
    | 'MeterValues'
    | 'SignChargingStationCertificate'
    | 'SignV2GCertificate'
    | 'StatusNotification'
    | 'TransactionEvent'
    | 'SignCombinedCertificate'
    | 'PublishFirmwareStatusNotification';
  evse?: V201Evse;
}
export type V201TriggerMessageResponse = StatusResponse<'Accepted' | 'Rejected' | 'NotImplemented'>;

export interface V201SetVariablesRequest {
  setVariableData: {
    attributeType?: V201Attribute;
    attributeValue: string;
    component: V201Component;
    variable: V201Variable;
  }[];
}
export interface V201SetVariablesResponse {
  setVariableResult: {
    attributeType?: V201Attribute;
    attributeStatus:
      'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' | 'RebootRequired';
    attributeStatusInfo?: V201StatusInfo;
    component: V201Component;
    variable: V201Variable;
  }[];
}

export interface V201GetVariablesRequest {
  getVariableData: { attributeType?: V201Attribute; component: V201Component; variable: V201Variable }[];
}
export interface V201GetVariablesResponse {
  getVariableResult: {
    attributeStatus: 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType';
    attributeStatusInfo?: V201StatusInfo;
    attributeType?: V201Attribute;
    attributeValue?: string;
    component: V201Component;
    variable: V201Variable;
  }[];
}

export interface V201ChangeAvailabilityRequest {
  operationalStatus: 'Inoperative' | 'Operative';
  evse?: V201Evse;
}
export type V201ChangeAvailabilityResponse = StatusResponse<'Accepted' | 'Rejected' | 'Scheduled'>;

export interface V201ResetRequest {
  type: 'Immediate' | 'OnIdle';
  evseId?: number;
}
export type V201ResetResponse = StatusResponse<'Accepted' | 'Rejected' | 'Scheduled'>;

export interface V201UnlockConnectorRequest {
  evseId: number;
  connectorId: number;
}
export type V201UnlockConnectorResponse = StatusResponse<
  'Unlocked' | 'UnlockFailed' | 'OngoingAuthorizedTransaction' | 'UnknownConnector'
>;

/** Request payload per CSMS → Charging Station action. */
export interface V201CsmsRequests {
  SetChargingProfile: V201SetChargingProfileRequest;
  ClearChargingProfile: V201ClearChargingProfileRequest;
  GetCompositeSchedule: V201GetCompositeScheduleRequest;
  RequestStartTransaction: V201RequestStartTransactionRequest;
  RequestStopTransaction: V201RequestStopTransactionRequest;
  TriggerMessage: V201TriggerMessageRequest;
  SetVariables: V201SetVariablesRequest;
  GetVariables: V201GetVariablesRequest;
  ChangeAvailability: V201ChangeAvailabilityRequest;
  Reset: V201ResetRequest;
  UnlockConnector: V201UnlockConnectorRequest;
}

/** Response payload per CSMS → Charging Station action. */
export interface V201CsmsResponses {
  SetChargingProfile: V201SetChargingProfileResponse;
  ClearChargingProfile: V201ClearChargingProfileResponse;
  GetCompositeSchedule: V201GetCompositeScheduleResponse;
  RequestStartTransaction: V201RequestStartTransactionResponse;
  RequestStopTransaction: V201RequestStopTransactionResponse;
  TriggerMessage: V201TriggerMessageResponse;
  SetVariables: V201SetVariablesResponse;
  GetVariables: V201GetVariablesResponse;
  ChangeAvailability: V201ChangeAvailabilityResponse;
  Reset: V201ResetResponse;
  UnlockConnector: V201UnlockConnectorResponse;
}

export type V201CsmsAction = keyof V201CsmsRequests;
