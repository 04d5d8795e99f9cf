import { Inject, Injectable, Logger } from '@nestjs/common';
import { OcppVersion } from '@apron/ocpp-model';
import { createRPCError } from 'ocpp-rpc';
import { CLOCK, Clock } from '../../common/clock';
import { AuthorizationHandlers } from '../handlers/authorization.handlers';
import { DiagnosticsHandlers } from '../handlers/diagnostics.handlers';
import { MeterValuesHandlers } from '../handlers/meter-values.handlers';
import { ProvisioningHandlers } from '../handlers/provisioning.handlers';
import { SmartChargingHandlers } from '../handlers/smart-charging.handlers';
import { TransactionEventHandler } from '../handlers/transaction-event.handler';
import { TransactionsV16Handlers } from '../handlers/transactions-v16.handlers';
import { ChargerConnection } from './charger-connection';
import { HandlerTable, OcppHandlerBlock } from './ocpp-handler';

/** Routes a charger's request to its functional block, one request per charger at a time. */
@Injectable()
export class MessageRouter {
  private readonly logger = new Logger('OcppRouter');
  private readonly tables: Record<OcppVersion, HandlerTable> = { '1.6': {}, '2.0.1': {} };

  constructor(
    provisioning: ProvisioningHandlers,
    authorization: AuthorizationHandlers,
    transactionsV16: TransactionsV16Handlers,
    transactionEvent: TransactionEventHandler,
    meterValues: MeterValuesHandlers,
    smartCharging: SmartChargingHandlers,
    diagnostics: DiagnosticsHandlers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const blocks: OcppHandlerBlock[] = [
      provisioning,
      authorization,
      transactionsV16,
      transactionEvent,
      meterValues,
      smartCharging,
      diagnostics,
    ];
    for (const block of blocks) {
      for (const [version, table] of Object.entries(block.handlers()) as [OcppVersion, HandlerTable][]) {
        Object.assign(this.tables[version], table);
      }
    }
  }

  actions(version: OcppVersion): string[] {
    return Object.keys(this.tables[version]).sort();
  }

  dispatch(connection: ChargerConnection, action: string, payload: unknown): Promise<object> {
    return connection.serial(async () => {
      const receivedAt = this.clock.now();
      connection.lastSeenAt = receivedAt;
      if (connection.revoked)
        throw createRPCError('SecurityError', 'The credentials of this connection were revoked', {});
      this.assertBootAllows(connection, action);
      const handler = this.tables[connection.version][action];
      // Unknown actions were answered NotImplemented by the validator; a known one without a handler is NotSupported.
      if (!handler) throw createRPCError('NotSupported', `${action} is not supported by Apron`, {});
      try {
        return await handler({ connection, receivedAt }, payload);
      } catch (error) {
        // A failure here is ours (e.g. the database): InternalError lets the charger retry; details stay in our log.
        this.logger.error(`${connection.chargePointId} ${action} failed: ${(error as Error).stack ?? error}`);
        throw createRPCError('InternalError', 'The central system could not process the request', {});
      }
    });
  }

  /**
   * Before its boot is Accepted a charger may only send BootNotification or what we asked for with TriggerMessage:
   * anything else gets SecurityError (2.0.1 B01.FR.10, B02.FR.09, B03.FR.07; TC_B_30_CSMS). 1.6 has no such answer
   * for a charger that reconnects without booting, so only an explicit Pending/Rejected is enforced there.
   */
  private assertBootAllows(connection: ChargerConnection, action: string): void {
    if (action === 'BootNotification' || connection.bootStatus === 'Accepted') return;
    if (connection.version === '1.6' && connection.bootStatus === null) return;
    if (connection.consumeTriggered(action)) return;
    throw createRPCError('SecurityError', `${action} is not allowed before the BootNotification is Accepted`, {});
  }
}
