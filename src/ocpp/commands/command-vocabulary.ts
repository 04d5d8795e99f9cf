/** Names each OCPP version uses in CSMS → charger commands. */
import { SendablePurpose } from '@apron/ocpp-model';

export const V16_PURPOSE: Record<SendablePurpose, string> = {
  StationMax: 'ChargePointMaxProfile',
  TxDefault: 'TxDefaultProfile',
  Tx: 'TxProfile',
};
export const V201_PURPOSE: Record<SendablePurpose, string> = {
  StationMax: 'ChargingStationMaxProfile',
  TxDefault: 'TxDefaultProfile',
  Tx: 'TxProfile',
};
export const V16_TRIGGERS = new Set([
  'BootNotification',
  'DiagnosticsStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StatusNotification',
]);
export const V201_TRIGGERS = new Set([
  'BootNotification',
  'LogStatusNotification',
  'FirmwareStatusNotification',
  'Heartbeat',
  'MeterValues',
  'StatusNotification',
  'TransactionEvent',
]);
