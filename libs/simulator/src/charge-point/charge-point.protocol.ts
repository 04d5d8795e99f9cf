/** The version-specific half of the virtual charge point: message shapes and CSMS-initiated handlers. */
import { ChargingConnector, ConnectorStatus16 } from './charging-connector';
import { StopReason } from './charge-point-host';
import { RpcClient } from './rpc-client.factory';

export interface BootResult {
  status: 'Accepted' | 'Pending' | 'Rejected';
  intervalSeconds: number;
}

export type BootReason = 'PowerUp' | 'RemoteReset' | 'Triggered';

export interface ChargePointProtocol {
  readonly version: '1.6' | '2.0.1';
  registerHandlers(client: RpcClient): void;
  boot(reason: BootReason): Promise<BootResult | undefined>;
  heartbeat(): Promise<void>;
  status(connector: ChargingConnector): Promise<void>;
  authorize(idTag: string): Promise<boolean>;
  /** Starts a transaction on the connector (sets connector.transaction); false when the CSMS refused the idTag. */
  startTransaction(connector: ChargingConnector, idTag: string, remoteStartId?: number): Promise<boolean>;
  /** Periodic or triggered meter values of a connector. */
  meterValues(connector: ChargingConnector, context: 'Sample.Periodic' | 'Trigger'): Promise<void>;
  /** The connector's state (connector.status, 1.6 values) changed from `previous`. */
  statusChanged(connector: ChargingConnector, previous: ConnectorStatus16): Promise<void>;
  stopTransaction(connector: ChargingConnector, reason: StopReason): Promise<void>;
}
