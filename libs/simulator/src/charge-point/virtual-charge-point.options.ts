import { ChargingConnector, ConnectorSpec } from './charging-connector';
import { FaultOptions } from './charge-point-host';
import { Clock } from './clock';
import { OcppProtocol } from './rpc-client.factory';

export interface VirtualChargePointOptions {
  identity: string;
  /** Base URL without the identity, e.g. ws://127.0.0.1:3000/ocpp. */
  endpoint: string;
  protocol: OcppProtocol;
  /** HTTP basic auth password (security profile 1/2). */
  password?: string;
  /** Default: the wall clock. Tests pass a ManualClock. */
  clock?: Clock;
  /** Default: one 22 kW three-phase AC connector. */
  connectors?: ConnectorSpec[];
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  /** Initial 1.6 MeterValueSampleInterval / 2.0.1 TxUpdatedInterval; default 60 s. */
  meterIntervalSeconds?: number;
  /** Used until a BootNotification response sets one; default 300 s. */
  heartbeatIntervalSeconds?: number;
  /** Retry delay after Pending/Rejected with interval 0; default 30 s. */
  bootRetrySeconds?: number;
  /** ocpp-rpc strict schema validation of our own and received messages; default true. */
  strictMode?: boolean;
  /** Reconnect after a lost connection (ocpp-rpc backoff); default true. */
  reconnect?: boolean;
  callTimeoutMs?: number;
  maxOfflineQueue?: number;
  faults?: FaultOptions;
}

export interface ConnectorSnapshot {
  connectorId: number;
  status: ChargingConnector['status'];
  transactionId?: string;
  /** Delivered power now, in W. */
  powerW: number;
  /** The current limit from the composite schedule and connector maximum, in W. */
  limitW: number;
  energyRegisterWh: number;
  /** Energy delivered in the running transaction, in Wh. */
  sessionEnergyWh: number;
  socPercent?: number;
}

export function snapshotOf(c: ChargingConnector): ConnectorSnapshot {
  return {
    connectorId: c.id,
    status: c.status,
    transactionId: c.transaction?.id,
    powerW: c.powerW,
    limitW: c.limitW,
    energyRegisterWh: c.energyRegisterWh,
    sessionEnergyWh: c.transaction ? c.energyRegisterWh - c.transaction.meterStartWh : 0,
    socPercent: c.vehicle ? c.socPercent : undefined,
  };
}
