/**
 * ocpp-rpc 2.2.1 is CommonJS with rough typings: its constructor type demands every option. This wraps it so the
 * rest of the simulator passes only what it means, with the settings our tests rely on.
 */
import { RPCClient } from 'ocpp-rpc';

export type OcppProtocol = 'ocpp1.6' | 'ocpp2.0.1';

export interface RpcClientSettings {
  identity: string;
  /** Base URL without the identity, e.g. ws://127.0.0.1:3000/ocpp; ocpp-rpc appends /{identity}. */
  endpoint: string;
  protocol: OcppProtocol;
  password?: string;
  strictMode?: boolean;
  reconnect?: boolean;
  callTimeoutMs?: number;
}

export type RpcClient = InstanceType<typeof RPCClient>;

export function createRpcClient(settings: RpcClientSettings): RpcClient {
  const options = {
    identity: settings.identity,
    endpoint: settings.endpoint,
    // Only the one version this charger speaks; never ocpp2.1, whose strict schemas are broken in 2.2.1.
    protocols: [settings.protocol],
    password: settings.password ?? null,
    strictMode: settings.strictMode ?? true,
    reconnect: settings.reconnect ?? true,
    // Calls are answered in order by real chargers and by our gateway; keep one in flight.
    callConcurrency: 1,
    callTimeoutMs: settings.callTimeoutMs ?? 30_000,
    backoff: { initialDelay: 200, maxDelay: 5_000, factor: 2, randomisationFactor: 0.25 },
  };
  return new RPCClient(options as unknown as ConstructorParameters<typeof RPCClient>[0]);
}
