/** OCPP 2.0.1 shared data types (Part 2, appendix "Datatypes"), as in the official JSON schemas. */

export interface V201StatusInfo {
  reasonCode: string;
  additionalInfo?: string;
}

export type V201IdTokenType =
  'Central' | 'eMAID' | 'ISO14443' | 'ISO15693' | 'KeyCode' | 'Local' | 'MacAddress' | 'NoAuthorization';

export interface V201IdToken {
  idToken: string;
  type: V201IdTokenType;
  additionalInfo?: { additionalIdToken: string; type: string }[];
}

export type V201AuthorizationStatus =
  | 'Accepted'
  | 'Blocked'
  | 'ConcurrentTx'
  | 'Expired'
  | 'Invalid'
  | 'NoCredit'
  | 'NotAllowedTypeEVSE'
  | 'NotAtThisLocation'
  | 'NotAtThisTime'
  | 'Unknown';

export interface V201IdTokenInfo {
  status: V201AuthorizationStatus;
  cacheExpiryDateTime?: string;
  chargingPriority?: number;
  evseId?: number[];
  groupIdToken?: V201IdToken;
}

export interface V201Evse {
  id: number;
  connectorId?: number;
}

export type V201ReadingContext =
  | 'Interruption.Begin'
  | 'Interruption.End'
  | 'Other'
  | 'Sample.Clock'
  | 'Sample.Periodic'
  | 'Transaction.Begin'
  | 'Transaction.End'
  | 'Trigger';

export type V201Measurand =
  | 'Current.Export'
  | 'Current.Import'
  | 'Current.Offered'
  | 'Energy.Active.Export.Register'
  | 'Energy.Active.Import.Register'
  | 'Energy.Reactive.Export.Register'
  | 'Energy.Reactive.Import.Register'
  | 'Energy.Active.Export.Interval'
  | 'Energy.Active.Import.Interval'
  | 'Energy.Active.Net'
  | 'Energy.Reactive.Export.Interval'
  | 'Energy.Reactive.Import.Interval'
  | 'Energy.Reactive.Net'
  | 'Energy.Apparent.Net'
  | 'Energy.Apparent.Import'
  | 'Energy.Apparent.Export'
  | 'Frequency'
  | 'Power.Active.Export'
  | 'Power.Active.Import'
  | 'Power.Factor'
  | 'Power.Offered'
  | 'Power.Reactive.Export'
  | 'Power.Reactive.Import'
  | 'SoC'
  | 'Voltage';

export type V201Phase = 'L1' | 'L2' | 'L3' | 'N' | 'L1-N' | 'L2-N' | 'L3-N' | 'L1-L2' | 'L2-L3' | 'L3-L1';

/** 2.0.1 sampled values are numbers; unitOfMeasure carries unit and a power-of-ten multiplier. */
export interface V201SampledValue {
  value: number;
  context?: V201ReadingContext;
  measurand?: V201Measurand;
  phase?: V201Phase;
  location?: 'Body' | 'Cable' | 'EV' | 'Inlet' | 'Outlet';
  unitOfMeasure?: { unit?: string; multiplier?: number };
}

export interface V201MeterValue {
  timestamp: string;
  sampledValue: V201SampledValue[];
}

export type V201ChargingProfilePurpose =
  'ChargingStationExternalConstraints' | 'ChargingStationMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
export type V201ChargingProfileKind = 'Absolute' | 'Recurring' | 'Relative';
export type V201ChargingRateUnit = 'W' | 'A';
export type V201ChargingLimitSource = 'EMS' | 'Other' | 'SO' | 'CSO';

export interface V201ChargingSchedulePeriod {
  startPeriod: number;
  limit: number;
  numberPhases?: number;
  phaseToUse?: number;
}

export interface V201ChargingSchedule {
  id: number;
  startSchedule?: string;
  duration?: number;
  chargingRateUnit: V201ChargingRateUnit;
  chargingSchedulePeriod: V201ChargingSchedulePeriod[];
  minChargingRate?: number;
}

export interface V201ChargingProfile {
  id: number;
  stackLevel: number;
  chargingProfilePurpose: V201ChargingProfilePurpose;
  chargingProfileKind: V201ChargingProfileKind;
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: string;
  validTo?: string;
  /** 1..3 schedules; more than one only with ISO 15118 (K01.FR.34). */
  chargingSchedule: V201ChargingSchedule[];
  transactionId?: string;
}

export interface V201Component {
  name: string;
  instance?: string;
  evse?: V201Evse;
}

export interface V201Variable {
  name: string;
  instance?: string;
}

export type V201Attribute = 'Actual' | 'Target' | 'MinSet' | 'MaxSet';

export type V201ConnectorStatus = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';
