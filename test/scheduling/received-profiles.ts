import type { VirtualChargePoint } from '../../libs/simulator/src/charge-point';

/** A SetChargingProfile request as the charger received it, the same shape for 1.6 and 2.0.1. */
export interface ReceivedProfile {
  evseId: number;
  id: number;
  stackLevel: number;
  purpose: 'StationMax' | 'TxDefault' | 'Tx';
  kind: string;
  validTo?: string;
  rateUnit: 'A' | 'W';
  /** Limits of the schedule's periods, in `rateUnit`. */
  limits: number[];
  numberPhases: (number | undefined)[];
}

interface WireProfile {
  stackLevel: number;
  chargingProfilePurpose: string;
  chargingProfileKind: string;
  validTo?: string;
}
interface WireSchedule {
  chargingRateUnit: 'A' | 'W';
  chargingSchedulePeriod: { limit: number; numberPhases?: number }[];
}

const PURPOSES: Record<string, ReceivedProfile['purpose']> = {
  ChargePointMaxProfile: 'StationMax',
  ChargingStationMaxProfile: 'StationMax',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
};

/** Records every SetChargingProfile the virtual charger receives over its websocket, from now on. */
export function recordReceivedProfiles(cp: VirtualChargePoint): ReceivedProfile[] {
  const received: ReceivedProfile[] = [];
  cp.client.on('call', ({ outbound, payload }: { outbound: boolean; payload: unknown[] }) => {
    if (outbound || payload[2] !== 'SetChargingProfile') return;
    received.push(normalize(payload[3] as Record<string, unknown>));
  });
  return received;
}

function normalize(params: Record<string, unknown>): ReceivedProfile {
  const v16 = 'csChargingProfiles' in params;
  const profile = (v16 ? params.csChargingProfiles : params.chargingProfile) as WireProfile & Record<string, unknown>;
  const schedule = (v16 ? profile.chargingSchedule : (profile.chargingSchedule as WireSchedule[])[0]) as WireSchedule;
  return {
    evseId: (v16 ? params.connectorId : params.evseId) as number,
    id: (v16 ? profile.chargingProfileId : profile.id) as number,
    stackLevel: profile.stackLevel,
    purpose: PURPOSES[profile.chargingProfilePurpose],
    kind: profile.chargingProfileKind,
    validTo: profile.validTo,
    rateUnit: schedule.chargingRateUnit,
    limits: schedule.chargingSchedulePeriod.map((period) => period.limit),
    numberPhases: schedule.chargingSchedulePeriod.map((period) => period.numberPhases),
  };
}

/** Empties the record, returning what it held. */
export function takeAll(received: ReceivedProfile[]): ReceivedProfile[] {
  return received.splice(0, received.length);
}
