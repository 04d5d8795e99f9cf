import { Injectable } from '@nestjs/common';
import {
  map201,
  MeterSampleEvent,
  OcppEvent,
  V201TransactionEventRequest,
  V201TransactionEventResponse,
} from '@apron/ocpp-model';
import { firstEvent, OcppCallContext, OcppHandlerBlock } from '../gateway/ocpp-handler';
import { SessionChange } from '../persistence/sessions.repository';
import { SessionsService } from '../sessions/sessions.service';
import { IdTagAuthorizer, IdTagDecision } from './id-tag-authorizer';

/**
 * OCPP 2.0.1 TransactionEvent (E01–E15). Keyed on the station's transactionId; a repeated seqNo is dropped (retries),
 * gaps, offline events and Updated after Ended are stored as they come. Never answered with a CALLERROR for its
 * content: a station would retry and then drop it (E12 / TransactionMessageAttempts).
 */
@Injectable()
export class TransactionEventHandler implements OcppHandlerBlock {
  constructor(
    private readonly sessions: SessionsService,
    private readonly authorizer: IdTagAuthorizer,
  ) {}

  handlers() {
    return {
      '2.0.1': {
        TransactionEvent: (context: OcppCallContext, request: V201TransactionEventRequest) =>
          this.transactionEvent(context, request),
      },
    };
  }

  private async transactionEvent(
    context: OcppCallContext,
    request: V201TransactionEventRequest,
  ): Promise<V201TransactionEventResponse> {
    const events = map201('TransactionEvent', request);
    const samples = events.filter((event): event is MeterSampleEvent => event.type === 'meter.sample');
    const token = request.idToken;
    const decision = token ? await this.authorizer.authorize(context.connection, token.idToken, token.type) : undefined;

    // E02/E03: a new transaction on an EVSE ends a stale one still open there (its Ended was lost). Before the
    // transaction below: it writes on its own connections. A retried Started keeps its own transactionId, so ends none.
    if (request.eventType === 'Started' && request.evse) {
      const startedAt = new Date(request.timestamp);
      await this.sessions.endStaleOnEvse(context, request.evse.id, request.transactionInfo.transactionId, startedAt);
    }
    const stored = await this.sessions.repo.transaction(async (manager) => {
      const row = await this.sessions.repo.upsertV201(
        manager,
        this.sessions.owner(context),
        request.transactionInfo.transactionId,
      );
      const fresh = await this.sessions.repo.recordSeqNo(manager, row.id, {
        seqNo: request.seqNo,
        eventType: request.eventType,
        triggerReason: request.triggerReason,
        at: new Date(request.timestamp),
        offline: request.offline ?? false,
      });
      // A retried event: its samples are recorded again (stored and counted once), in case it was retried because
      // storing them failed the first time.
      const evseId = request.evse?.id ?? row.evseId;
      if (!fresh) return { retried: { id: row.id, vehicleId: row.vehicleId }, evseId };
      const tracked = this.sessions.track(row);
      if (tracked && request.evse) this.sessions.setEvse(tracked, request.evse.id);
      const change = this.change(row.evseId, row.lastSeqNo, request, events, decision);
      const session = { id: row.id, vehicleId: change.vehicleId ?? row.vehicleId };
      if (tracked) tracked.vehicleId = session.vehicleId;
      const ended = firstEvent(events, 'session.ended');
      let endedCountedWh = 0;
      if (ended && row.stoppedAt === null) {
        // The Ended event's own samples (Transaction.End) count before the final register.
        const countedBeforeWh = tracked?.register.energyWh ?? row.energyWh;
        if (tracked) for (const sample of samples) this.sessions.countReading(context.connection, tracked, sample);
        Object.assign(change, this.sessions.endChange(context.connection, tracked, row, ended));
        await this.sessions.repo.finish(row.id, change, manager);
        endedCountedWh = (change.energyWh ?? countedBeforeWh) - countedBeforeWh;
      } else {
        await this.sessions.repo.update(row.id, change, manager);
      }
      return { session, tracked, endedNow: ended !== undefined && row.stoppedAt === null, endedCountedWh, evseId };
    });
    // Only the first event of a transaction must name its EVSE: the others' samples are on the transaction's.
    const located = samples.map((sample) =>
      sample.evseId === undefined && stored.evseId !== null ? { ...sample, evseId: stored.evseId } : sample,
    );
    if ('retried' in stored) {
      await this.sessions.recordSamples(context, located, stored.retried);
    } else {
      const { session, tracked, endedNow, endedCountedWh } = stored;
      // Ended samples were counted above; record them without counting again (the tracker is forgotten first).
      if (endedNow) this.sessions.forget(tracked);
      await this.sessions.recordSamples(context, located, session);
      for (const event of events) {
        if (event.type === 'meter.sample') continue;
        this.sessions.publish(context, event, session, event.type === 'session.ended' ? endedCountedWh : 0);
      }
    }
    // E01.FR.12 / E05: idTokenInfo whenever the request carried an idToken.
    return decision ? { idTokenInfo: { status: decision.outcome } } : {};
  }

  private change(
    storedEvseId: number | null,
    lastSeqNo: number | null,
    request: V201TransactionEventRequest,
    events: OcppEvent[],
    decision: IdTagDecision | undefined,
  ): SessionChange {
    const at = new Date(request.timestamp);
    const change: SessionChange = {
      lastSeqNo: lastSeqNo === null ? request.seqNo : Math.max(lastSeqNo, request.seqNo),
      chargingState: request.transactionInfo.chargingState,
    };
    if (request.evse && storedEvseId === null) {
      change.evseId = request.evse.id;
      change.connectorId = request.evse.connectorId;
    }
    if (request.eventType === 'Started') change.startedAt = at;
    if (request.idToken) {
      change.idTag = request.idToken.idToken;
      change.authorizationStatus = decision?.outcome;
      if (decision?.vehicleId) {
        change.vehicleId = decision.vehicleId;
        change.linkSource = decision.linkSource;
      }
    }
    const meterStartWh = firstEvent(events, 'session.started')?.meterStartWh;
    if (meterStartWh !== undefined) change.meterStartWh = meterStartWh;
    return change;
  }
}
