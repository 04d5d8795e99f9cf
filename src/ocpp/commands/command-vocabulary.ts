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
/**
 * 2.0.1 MessageTriggerEnumType, each with the action the station then sends (allowed before an Accepted boot,
 * B02.FR.02): the three Sign* triggers ask for a SignCertificate (A02/A03).
 */
export const V201_TRIGGERS = new Map<string, string>([
  ['BootNotification', 'BootNotification'],
  ['LogStatusNotification', 'LogStatusNotification'],
  ['FirmwareStatusNotification', 'FirmwareStatusNotification'],
  ['Heartbeat', 'Heartbeat'],
  ['MeterValues', 'MeterValues'],
  ['SignChargingStationCertificate', 'SignCertificate'],
  ['SignV2GCertificate', 'SignCertificate'],
  ['StatusNotification', 'StatusNotification'],
  ['TransactionEvent', 'TransactionEvent'],
  ['SignCombinedCertificate', 'SignCertificate'],
  ['PublishFirmwareStatusNotification', 'PublishFirmwareStatusNotification'],
]);
