import type { SocInputEvent } from '@apron/soc';
import type { OcppEventEnvelope } from '../../ocpp/events/ocpp-event-bus';

export interface KeyedInput {
  /** Unique per session and input, the estimator's idempotency key too. */
  key: string;
  event: SocInputEvent;
}

/**
 * SoC inputs from one gateway event of a session: the energy the gateway counted for it (its one count of the meter
 * register, so a repeated or earlier sample brings none) and the charger's or the car's SoC reading. Keyed
 * `sessionId:time`, so the same event taken twice is a duplicate to the estimator.
 */
export function sessionSocInputs(envelope: OcppEventEnvelope & { sessionId: string }): KeyedInput[] {
  const { event, sessionId } = envelope;
  const inputs: KeyedInput[] = [];
  const atMs = 'at' in event && event.at instanceof Date ? event.at.getTime() : envelope.receivedAt.getTime();
  const countedWh = envelope.countedEnergyWh ?? 0;
  if (countedWh > 0 && Number.isFinite(countedWh)) {
    const id = `${sessionId}:${atMs}`;
    inputs.push({ key: `energy:${id}`, event: { kind: 'energy-delivered', atMs, energyKwh: countedWh / 1000, id } });
  }
  // ISO 15118 cars state their SoC in their charging needs (K15): a charger reading like a meter sample's.
  const socPercent = event.type === 'meter.sample' || event.type === 'ev.chargingNeeds' ? event.socPercent : undefined;
  if (socPercent !== undefined && socPercent >= 0 && socPercent <= 100) {
    const id = `charger:${sessionId}:${atMs}`;
    inputs.push({ key: id, event: { kind: 'reading', source: 'charger', atMs, socPercent, id } });
  }
  return inputs;
}
