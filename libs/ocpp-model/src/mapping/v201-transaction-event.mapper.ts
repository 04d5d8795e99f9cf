/**
 * Maps a 2.0.1 TransactionEvent onto session events plus one meter sample per MeterValue.
 * The session is keyed on the station's transactionId; seqNo is passed through so the server can drop duplicates
 * and order offline-queued events (E01–E07, E10).
 */
import { MeterSampleEvent, OcppEvent } from '../events/ocpp-event.types';
import { V201TransactionEventRequest } from '../v201/v201-station.messages';
import { meterSamplesFromV201 } from './v201-sampled-value.adapter';

function registerWh(samples: MeterSampleEvent[], context: string, pick: 'first' | 'last'): number | undefined {
  const withEnergy = samples.filter((s) => s.energyWh !== undefined);
  const inContext = withEnergy.filter((s) => s.context === context);
  const candidates = inContext.length > 0 ? inContext : withEnergy;
  const chosen = pick === 'first' ? candidates[0] : candidates[candidates.length - 1];
  return chosen?.energyWh;
}

export function mapTransactionEvent(req: V201TransactionEventRequest): OcppEvent[] {
  const transactionId = req.transactionInfo.transactionId;
  const samples = meterSamplesFromV201(req.meterValue ?? [], req.evse?.id, transactionId);
  const common = {
    transactionId,
    evseId: req.evse?.id,
    idTag: req.idToken?.idToken,
    at: new Date(req.timestamp),
    seqNo: req.seqNo,
    triggerReason: req.triggerReason,
    offline: req.offline,
  };
  switch (req.eventType) {
    case 'Started':
      return [
        {
          type: 'session.started',
          ...common,
          connectorId: req.evse?.connectorId,
          meterStartWh: registerWh(samples, 'Transaction.Begin', 'first'),
          reservationId: req.reservationId,
          remoteStartId: req.transactionInfo.remoteStartId,
        },
        ...samples,
      ];
    case 'Updated':
      return [
        {
          type: 'session.updated',
          ...common,
          connectorId: req.evse?.connectorId,
          chargingState: req.transactionInfo.chargingState,
        },
        ...samples,
      ];
    case 'Ended':
      return [
        ...samples,
        {
          type: 'session.ended',
          ...common,
          meterStopWh: registerWh(samples, 'Transaction.End', 'last'),
          // E06: stoppedReason is omitted when the reason is Local.
          reason: req.transactionInfo.stoppedReason ?? 'Local',
        },
      ];
  }
}
