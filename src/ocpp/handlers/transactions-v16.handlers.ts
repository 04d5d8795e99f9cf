import { Injectable } from '@nestjs/common';
import {
  map16,
  V16StartTransactionRequest,
  V16StartTransactionResponse,
  V16StopTransactionRequest,
  V16StopTransactionResponse,
} from '@apron/ocpp-model';
import { OcppCallContext, OcppHandlerBlock, firstEvent } from '../gateway/ocpp-handler';
import { ChargerEventsRepository } from '../persistence/charger-events.repository';
import { SessionsService } from '../sessions/sessions.service';
import { IdTagAuthorizer, v16IdTagStatus } from './id-tag-authorizer';

/** OCPP 1.6 transactions (§4.8 StartTransaction, §4.10 StopTransaction); the CSMS assigns the transaction id. */
@Injectable()
export class TransactionsV16Handlers implements OcppHandlerBlock {
  constructor(
    private readonly sessions: SessionsService,
    private readonly authorizer: IdTagAuthorizer,
    private readonly chargerEvents: ChargerEventsRepository,
  ) {}

  handlers() {
    return {
      '1.6': {
        StartTransaction: (context: OcppCallContext, request: V16StartTransactionRequest) =>
          this.start(context, request),
        StopTransaction: (context: OcppCallContext, request: V16StopTransactionRequest) => this.stop(context, request),
      },
    };
  }

  /**
   * Always a new unique transactionId > 0, also when the idTag is not accepted (the charger then stops the transaction
   * itself, 1.6 §4.8 and errata: an offline-started transaction must still get an id). A retried request (same
   * connector, idTag, timestamp and meterStart) gets the id it got the first time, so energy is counted once.
   */
  private async start(
    context: OcppCallContext,
    request: V16StartTransactionRequest,
  ): Promise<V16StartTransactionResponse> {
    const decision = await this.authorizer.authorize(context.connection, request.idTag);
    const startedAt = new Date(request.timestamp);
    const { session, created } = await this.sessions.repo.startV16({
      ...this.sessions.owner(context),
      startKey: [request.connectorId, request.idTag, startedAt.toISOString(), request.meterStart].join('|'),
      evseId: request.connectorId,
      connectorId: request.connectorId === 0 ? 0 : 1,
      idTag: request.idTag,
      vehicleId: decision.vehicleId,
      linkSource: decision.linkSource,
      authorizationStatus: v16IdTagStatus(decision.outcome),
      startedAt,
      meterStartWh: request.meterStart,
    });
    const response: V16StartTransactionResponse = {
      transactionId: Number(session.transactionId),
      idTagInfo: { status: session.authorizationStatus === 'Accepted' ? 'Accepted' : v16IdTagStatus(decision.outcome) },
    };
    if (created) {
      if (request.connectorId > 0) {
        await this.sessions.endStaleOnEvse(context, request.connectorId, session.transactionId, startedAt);
      }
      this.sessions.track(session);
      for (const event of map16('StartTransaction', request, response)) this.sessions.publish(context, event, session);
    }
    return response;
  }

  /** Samples of transactionData first, then the stop; a repeated stop changes nothing (finish only ends once). */
  private async stop(
    context: OcppCallContext,
    request: V16StopTransactionRequest,
  ): Promise<V16StopTransactionResponse> {
    const { chargePointId } = context.connection;
    const events = map16('StopTransaction', request);
    const ended = firstEvent(events, 'session.ended');
    const { row, tracked } = await this.sessions.find(chargePointId, String(request.transactionId));
    const session = tracked ?? row;
    const samples = events.filter((event) => event.type === 'meter.sample');
    await this.sessions.recordSamples(context, samples, session);
    if (session === undefined || !ended) {
      // Not ours (e.g. -1 after a StartTransaction that never got through): kept for the operator, still answered.
      await this.chargerEvents.insert(chargePointId, 'session.unknownStop', context.receivedAt, { ...request });
    } else {
      const countedBeforeWh = tracked?.register.energyWh ?? row?.energyWh ?? 0;
      const change = this.sessions.endChange(context.connection, tracked, row, ended);
      if (await this.sessions.repo.finish(session.id, change)) {
        this.sessions.publish(context, ended, session, (change.energyWh ?? countedBeforeWh) - countedBeforeWh);
      }
      this.sessions.forget(tracked);
    }
    // §6.48: idTagInfo only when the request carried an idTag.
    if (request.idTag === undefined) return {};
    const decision = await this.authorizer.authorize(context.connection, request.idTag);
    return { idTagInfo: { status: v16IdTagStatus(decision.outcome) } };
  }
}
