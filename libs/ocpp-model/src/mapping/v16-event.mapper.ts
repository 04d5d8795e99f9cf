/** Maps OCPP 1.6 Charge Point → Central System requests onto version-neutral events. */
import { ChargingState, ConnectorStatus, ConnectorStatusEvent, OcppEvent } from '../events/ocpp-event.types';
import {
  V16ChargePointRequests,
  V16ChargePointResponses,
  V16StartTransactionResponse,
} from '../v16/v16-charge-point.messages';
import { V16ChargePointStatus } from '../v16/v16-common.types';
import { meterSamplesFromV16 } from './v16-sampled-value.adapter';

const STATUS: Record<V16ChargePointStatus, [ConnectorStatus, ChargingState | undefined]> = {
  Available: ['Available', undefined],
  Preparing: ['Occupied', 'EVConnected'],
  Charging: ['Occupied', 'Charging'],
  SuspendedEV: ['Occupied', 'SuspendedEV'],
  SuspendedEVSE: ['Occupied', 'SuspendedEVSE'],
  Finishing: ['Occupied', 'EVConnected'],
  Reserved: ['Reserved', undefined],
  Unavailable: ['Unavailable', undefined],
  Faulted: ['Faulted', undefined],
};

/** 1.6 connector N is EVSE N with one connector; connector 0 is the whole charge point. */
const evseConnector = (connectorId: number) => ({ evseId: connectorId, connectorId: connectorId === 0 ? 0 : 1 });

function statusEvent(req: V16ChargePointRequests['StatusNotification']): ConnectorStatusEvent {
  const [status, chargingState] = STATUS[req.status];
  return {
    type: 'connector.status',
    ...evseConnector(req.connectorId),
    status,
    chargingState,
    errorCode: req.errorCode === 'NoError' ? undefined : req.errorCode,
    rawStatus: req.status,
    at: req.timestamp ? new Date(req.timestamp) : undefined,
  };
}

type Handlers = {
  [A in keyof V16ChargePointRequests]: (
    req: V16ChargePointRequests[A],
    res?: V16ChargePointResponses[A],
  ) => OcppEvent[];
};

const HANDLERS: Handlers = {
  BootNotification: (req) => [
    {
      type: 'charger.booted',
      vendor: req.chargePointVendor,
      model: req.chargePointModel,
      serialNumber: req.chargePointSerialNumber ?? req.chargeBoxSerialNumber,
      firmwareVersion: req.firmwareVersion,
    },
  ],
  Heartbeat: () => [{ type: 'charger.heartbeat' }],
  StatusNotification: (req) => [statusEvent(req)],
  Authorize: (req) => [{ type: 'authorize.requested', idTag: req.idTag }],
  StartTransaction: (req, res?: V16StartTransactionResponse) => [
    {
      type: 'session.started',
      transactionId: res === undefined ? undefined : String(res.transactionId),
      ...evseConnector(req.connectorId),
      idTag: req.idTag,
      meterStartWh: req.meterStart,
      at: new Date(req.timestamp),
      reservationId: req.reservationId,
    },
  ],
  // §6.49: transactionData holds the meter values of the transaction (usually Transaction.Begin/End samples).
  StopTransaction: (req) => {
    const transactionId = String(req.transactionId);
    const samples = meterSamplesFromV16(req.transactionData ?? [], undefined, transactionId);
    return [
      ...samples,
      {
        type: 'session.ended',
        transactionId,
        idTag: req.idTag,
        meterStopWh: req.meterStop,
        reason: req.reason ?? 'Local',
        at: new Date(req.timestamp),
      },
    ];
  },
  MeterValues: (req) =>
    meterSamplesFromV16(
      req.meterValue,
      req.connectorId,
      req.transactionId === undefined ? undefined : String(req.transactionId),
    ),
  DataTransfer: (req) => [{ type: 'data.transfer', vendorId: req.vendorId, messageId: req.messageId, data: req.data }],
  DiagnosticsStatusNotification: (req) => [{ type: 'maintenance.status', kind: 'diagnostics', status: req.status }],
  FirmwareStatusNotification: (req) => [{ type: 'maintenance.status', kind: 'firmware', status: req.status }],
};

export function isV16ChargePointAction(action: string): action is keyof V16ChargePointRequests {
  return Object.prototype.hasOwnProperty.call(HANDLERS, action);
}

/**
 * Events for one 1.6 request. StartTransaction needs the response to know the transaction id the CSMS assigned.
 * Unknown actions give no events.
 */
export function map16<A extends keyof V16ChargePointRequests>(
  action: A,
  request: V16ChargePointRequests[A],
  response?: V16ChargePointResponses[A],
): OcppEvent[];
export function map16(action: string, request: unknown, response?: unknown): OcppEvent[];
export function map16(action: string, request: unknown, response?: unknown): OcppEvent[] {
  if (!isV16ChargePointAction(action)) return [];
  const handler = HANDLERS[action] as (req: unknown, res?: unknown) => OcppEvent[];
  return handler(request, response);
}
