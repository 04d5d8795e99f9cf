import { ChargerState, ConnectorStatus, SiteSnapshot } from './site-snapshot';

/** A charger the plan cannot limit, and the power it is counted at as fixed load under the grid limit. */
export interface UncontrolledCharger {
  chargePointId: string;
  /** The charger's refusal: `Rejected` or a CALLERROR code. */
  reason: string;
  countedKw: number;
}

/** A vehicle is plugged in or charging: an uncontrolled charger may draw its full rating at any moment. */
const VEHICLE_PRESENT: ReadonlySet<ConnectorStatus> = new Set([
  'Preparing',
  'Charging',
  'SuspendedEV',
  'SuspendedEVSE',
  'Occupied',
]);

/** The most a charger can draw: its own rating, or its connectors' together when they add up to less. */
export function chargerFullKw(charger: { maxKw: number; connectors: { maxKw: number }[] }): number {
  const connectorsKw = charger.connectors.reduce((sum, connector) => sum + connector.maxKw, 0);
  return charger.connectors.length > 0 ? Math.min(charger.maxKw, connectorsKw) : charger.maxKw;
}

/**
 * Connected chargers that refuse Apron's charging profiles, each counted conservatively: while a vehicle is on it (a
 * session in progress, or a connector reporting one) at its full rating, or at its metered power if that reads more;
 * idle at its metered power, else 0. An offline charger is held back as offline instead (plan-input.builder.ts).
 */
export function uncontrolledChargers(snapshot: SiteSnapshot): UncontrolledCharger[] {
  return snapshot.chargers
    .filter((charger) => charger.online && charger.refusal)
    .map((charger) => ({
      chargePointId: charger.chargePointId,
      reason: charger.refusal!.reason,
      countedKw: round(countedKw(charger, snapshot)),
    }));
}

function countedKw(charger: ChargerState, snapshot: SiteSnapshot): number {
  const inUse =
    snapshot.chargingSessions.some((session) => session.chargePointId === charger.chargePointId) ||
    charger.connectors.some((connector) => VEHICLE_PRESENT.has(connector.status));
  return Math.max(charger.meteredKw ?? 0, inUse ? chargerFullKw(charger) : 0);
}

function round(kw: number): number {
  return Math.round(kw * 100) / 100;
}
