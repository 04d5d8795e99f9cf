/** OCPP 1.6 messages initiated by the Charge Point (§6, "Charge Point → Central System"). */
import {
  V16ChargePointErrorCode,
  V16ChargePointStatus,
  V16IdTagInfo,
  V16MeterValue,
  V16StopReason,
} from './v16-common.types';

export interface V16BootNotificationRequest {
  chargePointVendor: string;
  chargePointModel: string;
  chargePointSerialNumber?: string;
  chargeBoxSerialNumber?: string;
  firmwareVersion?: string;
  iccid?: string;
  imsi?: string;
  meterType?: string;
  meterSerialNumber?: string;
}
export interface V16BootNotificationResponse {
  status: 'Accepted' | 'Pending' | 'Rejected';
  currentTime: string;
  interval: number;
}

export type V16HeartbeatRequest = Record<string, never>;
export interface V16HeartbeatResponse {
  currentTime: string;
}

export interface V16StatusNotificationRequest {
  connectorId: number;
  errorCode: V16ChargePointErrorCode;
  status: V16ChargePointStatus;
  info?: string;
  timestamp?: string;
  vendorId?: string;
  vendorErrorCode?: string;
}
export type V16StatusNotificationResponse = Record<string, never>;

export interface V16AuthorizeRequest {
  idTag: string;
}
export interface V16AuthorizeResponse {
  idTagInfo: V16IdTagInfo;
}

export interface V16StartTransactionRequest {
  connectorId: number;
  idTag: string;
  meterStart: number;
  reservationId?: number;
  timestamp: string;
}
export interface V16StartTransactionResponse {
  idTagInfo: V16IdTagInfo;
  transactionId: number;
}

export interface V16StopTransactionRequest {
  idTag?: string;
  meterStop: number;
  timestamp: string;
  transactionId: number;
  reason?: V16StopReason;
  transactionData?: V16MeterValue[];
}
export interface V16StopTransactionResponse {
  idTagInfo?: V16IdTagInfo;
}

export interface V16MeterValuesRequest {
  connectorId: number;
  transactionId?: number;
  meterValue: V16MeterValue[];
}
export type V16MeterValuesResponse = Record<string, never>;

export interface V16DataTransferRequest {
  vendorId: string;
  messageId?: string;
  data?: string;
}
export interface V16DataTransferResponse {
  status: 'Accepted' | 'Rejected' | 'UnknownMessageId' | 'UnknownVendorId';
  data?: string;
}

export interface V16DiagnosticsStatusNotificationRequest {
  status: 'Idle' | 'Uploaded' | 'UploadFailed' | 'Uploading';
}
export type V16DiagnosticsStatusNotificationResponse = Record<string, never>;

export interface V16FirmwareStatusNotificationRequest {
  status: 'Downloaded' | 'DownloadFailed' | 'Downloading' | 'Idle' | 'InstallationFailed' | 'Installing' | 'Installed';
}
export type V16FirmwareStatusNotificationResponse = Record<string, never>;

/** Request payload per Charge Point → Central System action. */
export interface V16ChargePointRequests {
  BootNotification: V16BootNotificationRequest;
  Heartbeat: V16HeartbeatRequest;
  StatusNotification: V16StatusNotificationRequest;
  Authorize: V16AuthorizeRequest;
  StartTransaction: V16StartTransactionRequest;
  StopTransaction: V16StopTransactionRequest;
  MeterValues: V16MeterValuesRequest;
  DataTransfer: V16DataTransferRequest;
  DiagnosticsStatusNotification: V16DiagnosticsStatusNotificationRequest;
  FirmwareStatusNotification: V16FirmwareStatusNotificationRequest;
}

/** Response payload per Charge Point → Central System action. */
export interface V16ChargePointResponses {
  BootNotification: V16BootNotificationResponse;
  Heartbeat: V16HeartbeatResponse;
  StatusNotification: V16StatusNotificationResponse;
  Authorize: V16AuthorizeResponse;
  StartTransaction: V16StartTransactionResponse;
  StopTransaction: V16StopTransactionResponse;
  MeterValues: V16MeterValuesResponse;
  DataTransfer: V16DataTransferResponse;
  DiagnosticsStatusNotification: V16DiagnosticsStatusNotificationResponse;
  FirmwareStatusNotification: V16FirmwareStatusNotificationResponse;
}

export type V16ChargePointAction = keyof V16ChargePointRequests;
