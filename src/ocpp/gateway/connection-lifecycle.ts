import { Inject, Injectable, Logger } from '@nestjs/common';
import { OcppVersion } from '@apron/ocpp-model';
import { CLOCK, Clock } from '../../common/clock';
import { OcppEventBus } from '../events/ocpp-event-bus';
import { OcppMessageCounts } from '../events/ocpp-message-counts';
import { ChargerEventsRepository } from '../persistence/charger-events.repository';
import { ChargerStateRepository } from '../persistence/charger-state.repository';
import { MessageLogWriter } from '../persistence/message-log.writer';
import { Admission, BootStatus, ChargerConnection, RpcServerClient } from './charger-connection';
import { ConnectionRegistry } from './connection-registry';
import { MessageRouter } from './message-router';

/** What the handshake attached to the client (ocpp-rpc's `session`). */
export interface AdmittedSession {
  admission: Admission;
  chargerId: string | null;
  siteId: string | null;
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
    client.handle((call: { method?: string; params?: unknown }) =>
      this.router.dispatch(connection, call.method ?? '', call.params),
    );
    client.on('message', (event: { message: string; outbound: boolean }) => {
      this.messageCounts.count(event.outbound);
      this.messageLog.add(chargePointId, event.outbound ? 'out' : 'in', event.message);
    });
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
    this.logger.log(`${connection.chargePointId} connected (OCPP ${connection.version}, ${connection.admission})`);
    this.publish(connection, 'charger.connected');
  }

  private async closed(connection: ChargerConnection): Promise<void> {
    if (!this.registry.remove(connection)) return;
    try {
      await this.chargerState.disconnected(connection.chargePointId, this.clock.now());
    } catch (error) {
      this.logger.warn(`${connection.chargePointId}: storing the disconnect failed: ${(error as Error).message}`);
    }
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

  private async badMessage(connection: ChargerConnection, bad: { buffer: Buffer; error: Error }): Promise<void> {
    const detail = { frame: bad.buffer.toString('utf8').slice(0, 2000), error: bad.error?.message };
    this.logger.warn(`${connection.chargePointId}: bad frame: ${detail.error}`);
    await this.chargerEvents
      .insert(connection.chargePointId, 'ocpp.badMessage', this.clock.now(), detail)
      .catch(() => undefined);
  }
}
