/** OCPP 1.6 edition 2 shared data types (§7). Field names follow the JSON schemas of OCPP-J 1.6. */

export type V16AuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';

export interface V16IdTagInfo {
  status: V16AuthorizationStatus;
  expiryDate?: string;
  parentIdTag?: string;
}

export type V16ReadingContext =
  | 'Interruption.Begin'
  | 'Interruption.End'
  | 'Sample.Clock'
  | 'Sample.Periodic'
  | 'Transaction.Begin'
  | 'Transaction.End'
  | 'Trigger'
  | 'Other';

export type V16Measurand =
  | 'Energy.Active.Export.Register'
  | 'Energy.Active.Import.Register'
  | 'Energy.Reactive.Export.Register'
  | 'Energy.Reactive.Import.Register'
  | 'Energy.Active.Export.Interval'
  | 'Energy.Active.Import.Interval'
  | 'Energy.Reactive.Export.Interval'
  | 'Energy.Reactive.Import.Interval'
  | 'Power.Active.Export'
  | 'Power.Active.Import'
  | 'Power.Offered'
  | 'Power.Reactive.Export'
  | 'Power.Reactive.Import'
  | 'Power.Factor'
  | 'Current.Import'
  | 'Current.Export'
  | 'Current.Offered'
  | 'Voltage'
  | 'Frequency'
  | 'Temperature'
  | 'SoC'
  | 'RPM';

export type V16Phase = 'L1' | 'L2' | 'L3' | 'N' | 'L1-N' | 'L2-N' | 'L3-N' | 'L1-L2' | 'L2-L3' | 'L3-L1';

export type V16Location = 'Cable' | 'EV' | 'Inlet' | 'Outlet' | 'Body';

export type V16UnitOfMeasure =
  | 'Wh'
  | 'kWh'
  | 'varh'
  | 'kvarh'
  | 'W'
  | 'kW'
  | 'VA'
  | 'kVA'
  | 'var'
  | 'kvar'
  | 'A'
  | 'V'
  | 'K'
  | 'Celcius'
  | 'Celsius'
  | 'Fahrenheit'
  | 'Percent';

/** §7.45: value is a string in 1.6 (decimal text). */
export interface V16SampledValue {
  value: string;
  context?: V16ReadingContext;
  format?: 'Raw' | 'SignedData';
  measurand?: V16Measurand;
  phase?: V16Phase;
  location?: V16Location;
  unit?: V16UnitOfMeasure;
}

export interface V16MeterValue {
  timestamp: string;
  sampledValue: V16SampledValue[];
}

export type V16ChargePointStatus =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEVSE'
  | 'SuspendedEV'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable'
  | 'Faulted';

export type V16ChargePointErrorCode =
  | 'ConnectorLockFailure'
  | 'EVCommunicationError'
  | 'GroundFailure'
  | 'HighTemperature'
  | 'InternalError'
  | 'LocalListConflict'
  | 'NoError'
  | 'OtherError'
  | 'OverCurrentFailure'
  | 'PowerMeterFailure'
  | 'PowerSwitchFailure'
  | 'ReaderFailure'
  | 'ResetFailure'
  | 'UnderVoltage'
  | 'OverVoltage'
  | 'WeakSignal';

export type V16StopReason =
  | 'EmergencyStop'
  | 'EVDisconnected'
  | 'HardReset'
  | 'Local'
  | 'Other'
  | 'PowerLoss'
  | 'Reboot'
  | 'Remote'
  | 'SoftReset'
  | 'UnlockCommand'
  | 'DeAuthorized';

export type V16ChargingProfilePurpose = 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
export type V16ChargingProfileKind = 'Absolute' | 'Recurring' | 'Relative';
export type V16RecurrencyKind = 'Daily' | 'Weekly';
export type V16ChargingRateUnit = 'W' | 'A';

export interface V16ChargingSchedulePeriod {
  /** Seconds from the start of the schedule. */
  startPeriod: number;
  /** In chargingRateUnit; one decimal allowed (§7.13). */
  limit: number;
  numberPhases?: number;
}

export interface V16ChargingSchedule {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: V16ChargingRateUnit;
  chargingSchedulePeriod: V16ChargingSchedulePeriod[];
  minChargingRate?: number;
}

export interface V16ChargingProfile {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: V16ChargingProfilePurpose;
  chargingProfileKind: V16ChargingProfileKind;
  recurrencyKind?: V16RecurrencyKind;
  validFrom?: string;
  validTo?: string;
  chargingSchedule: V16ChargingSchedule;
}

export interface V16KeyValue {
  key: string;
  readonly: boolean;
  value?: string;
}
