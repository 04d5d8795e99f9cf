import { Inject, Injectable } from '@nestjs/common';
import { map16, map201, OcppEvent } from '@apron/ocpp-model';
import { OCPP_CONFIG, OcppConfig } from '../config/ocpp-config';
import { BootStatus } from '../gateway/charger-connection';
import { firstEvent, OcppCallContext, OcppHandlerBlock } from '../gateway/ocpp-handler';
import { ChargerStateRepository } from '../persistence/charger-state.repository';
import { ConnectorStatusRepository } from '../persistence/connector-status.repository';
import { SessionsService } from '../sessions/sessions.service';

/** Boot, heartbeat and connector status (1.6 §4.2, §4.6, §4.9; 2.0.1 B01–B03, G01–G04). */
@Injectable()
export class ProvisioningHandlers implements OcppHandlerBlock {
  constructor(
    private readonly chargerState: ChargerStateRepository,
    private readonly connectorStatus: ConnectorStatusRepository,
    private readonly sessions: SessionsService,
    @Inject(OCPP_CONFIG) private readonly config: OcppConfig,
  ) {}

  handlers() {
    const both = {
      BootNotification: (context: OcppCallContext, request: unknown) => this.boot(context, request),
      Heartbeat: (context: OcppCallContext) => this.heartbeat(context),
      StatusNotification: (context: OcppCallContext, request: unknown) => this.status(context, request),
    };
    return { '1.6': both, '2.0.1': both };
  }

  private events(context: OcppCallContext, action: string, request: unknown): OcppEvent[] {
    return context.connection.version === '1.6' ? map16(action, request) : map201(action, request);
  }

  /**
   * Accepted for a registered charger that authenticated (B01.FR.02, interval = heartbeat B01.FR.04); Pending for one
   * let in by policy, i.e. unknown or without a password (B02: it is told to retry after `interval`, the connection
   * stays open, B02.FR.06). The answer is kept, so a reconnect without a new boot keeps its status.
   */
  private async boot(context: OcppCallContext, request: unknown) {
    const { connection } = context;
    const booted = firstEvent(this.events(context, 'BootNotification', request), 'charger.booted');
    const status: BootStatus = connection.admission === 'registered' ? 'Accepted' : 'Pending';
    connection.bootStatus = status;
    if (booted) {
      await this.chargerState.booted(connection.chargePointId, booted, status, context.receivedAt);
      this.sessions.publish(context, booted);
    }
    const interval = status === 'Accepted' ? this.config.heartbeatIntervalSeconds : this.config.pendingRetrySeconds;
    return { status, currentTime: context.receivedAt.toISOString(), interval };
  }

  /** 1.6 §4.6 / 2.0.1 G02: the current time, for the charger's clock. */
  private async heartbeat(context: OcppCallContext) {
    await this.chargerState.seen(context.connection.chargePointId, context.receivedAt);
    this.sessions.publish(context, { type: 'charger.heartbeat' });
    return { currentTime: context.receivedAt.toISOString() };
  }

  /** Current status plus history, in the charger's time (a queued status must not overwrite a newer one). */
  private async status(context: OcppCallContext, request: unknown) {
    const event = firstEvent(this.events(context, 'StatusNotification', request), 'connector.status');
    if (event) {
      await this.connectorStatus.record(context.connection.chargePointId, event, event.at ?? context.receivedAt);
      this.sessions.publish(context, event);
    }
    return {};
  }
}
