import { Inject, Injectable } from '@nestjs/common';
import { OCPP_CONFIG, OcppConfig } from '../config/ocpp-config';
import { ChargerConnection } from '../gateway/charger-connection';
import { ConnectionRegistry } from '../gateway/connection-registry';
import { ChargerCallError, ChargerOfflineError, ChargerTimeoutError, CommandOutcome } from './charger-commands';

const ACCEPTING = new Set(['Accepted', 'Unlocked', 'Scheduled', 'RebootRequired']);

/**
 * Sends one CSMS → charger call. A charger without an open connection fails at once: ocpp-rpc would otherwise queue
 * calls to a closed client without limit (FACTS.md).
 */
@Injectable()
export class ChargerCall {
  constructor(
    private readonly registry: ConnectionRegistry,
    @Inject(OCPP_CONFIG) private readonly config: OcppConfig,
  ) {}

  connection(chargePointId: string): ChargerConnection {
    const connection = this.registry.get(chargePointId);
    if (!connection || !connection.open) throw new ChargerOfflineError(chargePointId);
    return connection;
  }

  async send(connection: ChargerConnection, action: string, payload: object): Promise<CommandOutcome> {
    if (!connection.open) throw new ChargerOfflineError(connection.chargePointId);
    let response: Record<string, unknown>;
    try {
      response = (await connection.client.call(action, payload, {
        callTimeoutMs: this.config.commandTimeoutMs,
      })) as Record<string, unknown>;
    } catch (error) {
      throw this.failure(connection, action, error);
    }
    const status = typeof response?.status === 'string' ? response.status : 'Accepted';
    return { accepted: ACCEPTING.has(status), status, response };
  }

  private failure(connection: ChargerConnection, action: string, error: unknown): Error {
    const { chargePointId } = connection;
    const rpc = error as { rpcErrorCode?: string; message?: string; name?: string };
    if (rpc.name === 'TimeoutError') return new ChargerTimeoutError(chargePointId, action);
    if (!connection.open) return new ChargerOfflineError(chargePointId);
    if (rpc.rpcErrorCode) return new ChargerCallError(chargePointId, action, rpc.rpcErrorCode, rpc.message ?? '');
    return error instanceof Error ? error : new Error(String(error));
  }
}
