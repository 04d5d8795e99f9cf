/**
 * One charging-profile shape for both OCPP versions, used by the composite-schedule calculator and events.
 * 1.6 ChargePointMaxProfile and 2.0.1 ChargingStationMaxProfile are both `StationMax`.
 */
export type ChargingRateUnit = 'W' | 'A';

export type NeutralProfilePurpose = 'StationMax' | 'StationExternal' | 'TxDefault' | 'Tx';

export type ChargingProfileKind = 'Absolute' | 'Recurring' | 'Relative';

export interface NeutralSchedulePeriod {
  startSeconds: number;
  /** In the schedule's rate unit; A is per phase (K01.FR.51). */
  limit: number;
  numberPhases?: number;
}

export interface NeutralChargingSchedule {
  startSchedule?: Date;
  durationSeconds?: number;
  rateUnit: ChargingRateUnit;
  minChargingRate?: number;
  periods: NeutralSchedulePeriod[];
}

export interface NeutralChargingProfile {
  id: number;
  stackLevel: number;
  purpose: NeutralProfilePurpose;
  kind: ChargingProfileKind;
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: Date;
  validTo?: Date;
  transactionId?: string;
  /** 1.6 connectorId or 2.0.1 evseId; 0 = the whole station. */
  evseId: number;
  schedule: NeutralChargingSchedule;
}
