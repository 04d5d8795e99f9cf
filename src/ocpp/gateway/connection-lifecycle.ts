import { Inject, Injectable, Logger } from '@nestjs/common';
import { asV16Frame, OcppVersion } from '@apron/ocpp-model';
import { CLOCK, Clock } from '../../common/clock';
import { OcppEventBus } from '../events/ocpp-event-bus';
import { OcppMessageCounts } from '../events/ocpp-message-counts';
import { ChargerEventsRepository } from '../persistence/charger-events.repository';
import { ChargerStateRepository } from '../persistence/charger-state.repository';
import { MessageLogWriter } from '../persistence/message-log.writer';
import { Admission, BootStatus, ChargerConnection, RpcServerClient } from './charger-connection';
import { ConnectionRegistry } from './connection-registry';
import { FrameActions } from './frame-actions';
import { loggedFrame, messageIdViolation } from './frame-limits';
import { MessageRouter } from './message-router';
import { createRPCError } from 'ocpp-rpc';

/** What the handshake attached to the client (ocpp-rpc's `session`). */
export interface AdmittedSession {
  admission: Admission;
  chargerId: string | null;
  siteId: string | null;
  connectorMaxW?: Record<number, number>;
}

interface ValidationFailure {
  messageId: string;
  method: string;
  outbound: boolean;
  isCall: boolean;
  error: Error;
}

/** Wires a new websocket: handlers, logging, validation reports, connection state, replacement of an older socket. */
@Injectable()
export class ConnectionLifecycle {
  private readonly logger = new Logger('OcppConnections');

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly router: MessageRouter,
    private readonly chargerState: ChargerStateRepository,
    private readonly chargerEvents: ChargerEventsRepository,
    private readonly messageLog: MessageLogWriter,
    private readonly bus: OcppEventBus,
    private readonly messageCounts: OcppMessageCounts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  attach(client: RpcServerClient & { session: Record<string, unknown>; identity: string }): ChargerConnection {
    const session = client.session as unknown as AdmittedSession;
    const version: OcppVersion = client.protocol === 'ocpp2.0.1' ? '2.0.1' : '1.6';
    const chargePointId = client.identity;
    const connection = new ChargerConnection(
      chargePointId,
      version,
      client,
      session.chargerId,
      session.siteId,
      session.admission,
      null,
      this.clock.now(),
    );
    connection.connectorMaxW = session.connectorMaxW ?? {};
    if (version === '1.6') speakV16Errors(client);
    client.handle((call: { method?: string; params?: unknown; messageId?: string }) => {
      const violation = messageIdViolation(version, call.messageId ?? '');
      if (violation) {
        void this.chargerEvents
          .insert(chargePointId, 'ocpp.badMessageId', this.clock.now(), {
            method: call.method,
            messageIdLength: call.messageId?.length,
          })
          .catch(() => undefined);
        return Promise.reject(createRPCError(violation.code, violation.description, {}));
      }
      return this.router.dispatch(connection, call.method ?? '', call.params);
    });
    const frameActions = new FrameActions(new Set(this.router.actions(version)));
    client.on('message', (event: { message: string; outbound: boolean }) => {
      this.messageCounts.count(event.outbound, version, frameActions.of(event.message, event.outbound));
      this.messageLog.add(chargePointId, event.outbound ? 'out' : 'in', loggedFrame(event.message));
    });
    // ws closes the socket with 1009 when a frame passes APRON_OCPP_MAX_FRAME_BYTES; kept for the operator.
    client.on('socketError', (error: Error & { code?: string }) => void this.socketError(connection, error));
    // Without these listeners, invalid frames would vanish silently (FACTS.md); strict mode already answered them.
    client.on(
      'strictValidationFailure',
      (failure: ValidationFailure) => void this.validationFailed(connection, failure),
    );
    client.on('badMessage', (bad: { buffer: Buffer; error: Error }) => void this.badMessage(connection, bad));
    client.on('close', () => void this.closed(connection));
    this.registry.add(connection);
    // Queued ahead of the first request, so the stored boot status is known before any message is judged.
    void connection
      .serial(() => this.opened(connection))
      .catch((error: Error) => {
        this.logger.error(`${chargePointId}: storing the connection failed: ${error.message}`);
      });
    return connection;
  }

  private async opened(connection: ChargerConnection): Promise<void> {
    const bootStatus = await this.chargerState.connected(
      connection.chargePointId,
      connection.chargerId,
      connection.version,
      connection.connectedAt,
    );
    if (connection.admission === 'registered' && bootStatus) connection.bootStatus = bootStatus as BootStatus;
    this.logger.log({
      msg: 'charger connected',
      chargePointId: connection.chargePointId,
      ocppVersion: connection.version,
      admission: connection.admission,
    });
    this.publish(connection, 'charger.connected');
  }

  private async closed(connection: ChargerConnection): Promise<void> {
    if (!this.registry.remove(connection)) return;
    try {
      await this.chargerState.disconnected(connection.chargePointId, this.clock.now());
    } catch (error) {
      this.logger.warn(`${connection.chargePointId}: storing the disconnect failed: ${(error as Error).message}`);
    }
    this.logger.log({
      msg: 'charger disconnected',
      chargePointId: connection.chargePointId,
      ocppVersion: connection.version,
    });
    this.publish(connection, 'charger.disconnected');
  }

  private publish(connection: ChargerConnection, type: 'charger.connected' | 'charger.disconnected'): void {
    this.bus.publish({
      chargePointId: connection.chargePointId,
      chargerId: connection.chargerId,
      siteId: connection.siteId,
      event: { type, ocppVersion: connection.version },
      receivedAt: this.clock.now(),
    });
  }

  private async validationFailed(connection: ChargerConnection, failure: ValidationFailure): Promise<void> {
    const detail = {
      method: failure.method,
      messageId: failure.messageId,
      outbound: failure.outbound,
      isCall: failure.isCall,
      error: failure.error?.message,
      code: (failure.error as { rpcErrorCode?: string })?.rpcErrorCode,
    };
    this.logger.warn(`${connection.chargePointId}: schema validation failed: ${JSON.stringify(detail)}`);
    await this.chargerEvents
      .insert(connection.chargePointId, 'ocpp.validationFailure', this.clock.now(), detail)
      .catch(() => undefined);
  }

  private async socketError(connection: ChargerConnection, error: Error & { code?: string }): Promise<void> {
    const tooLarge = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
    if (tooLarge) {
      // ws has sent the 1009 close frame but reads nothing more, so it would wait 30 s for the charger's close reply
      // while the rest of the frame still streams in: end the socket now (the close frame is already on its way).
      setImmediate(() => void connection.client.close({ force: true }).catch(() => undefined));
    }
    this.logger.warn(`${connection.chargePointId}: socket error: ${error.message}`);
    await this.chargerEvents
      .insert(connection.chargePointId, tooLarge ? 'ocpp.frameTooLarge' : 'ocpp.socketError', this.clock.now(), {
        error: error.message,
        code: error.code,
      })
      .catch(() => undefined);
  }

  private async badMessage(connection: ChargerConnection, bad: { buffer: Buffer; error: Error }): Promise<void> {
    const detail = { frame: bad.buffer.toString('utf8').slice(0, 2000), error: bad.error?.message };
    this.logger.warn(`${connection.chargePointId}: bad frame: ${detail.error}`);
    await this.chargerEvents
      .insert(connection.chargePointId, 'ocpp.badMessage', this.clock.now(), detail)
      .catch(() => undefined);
  }
}

/**
 * ocpp-rpc answers a frame it cannot parse with 2.0.1's RpcFrameworkError on every connection; a 1.6 charger must get
 * a code 1.6 has (OCPP-J 1.6 §4.2.3), so its outgoing CALLERRORs are put in 1.6 words.
 */
function speakV16Errors(client: RpcServerClient): void {
  const sendRaw = client.sendRaw.bind(client);
  client.sendRaw = (message: string) => sendRaw(typeof message === 'string' ? asV16Frame(message) : message);
}
