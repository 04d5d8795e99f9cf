/** OCPP 2.0.1 behaviour of the virtual charging station (one connector per EVSE). */
import { randomUUID } from 'node:crypto';
import {
  V201AuthorizeResponse,
  V201BootNotificationResponse,
  V201ConnectorStatus,
  V201MeterValue,
  V201ReadingContext,
  V201StoppedReason,
  V201TransactionEventRequest,
  V201TransactionEventResponse,
  V201TriggerReason,
} from '@apron/ocpp-model';
import { BootReason, BootResult, ChargePointProtocol } from './charge-point.protocol';
import { ChargePointHost, StopReason } from './charge-point-host';
import { ChargingConnector, ConnectorStatus16 } from './charging-connector';
import { meterReadings } from './meter-readings';
import { RpcClient } from './rpc-client.factory';
import { registerV201CsmsHandlers } from './v201-csms.handlers';

const STOPPED: Record<StopReason, [V201StoppedReason, V201TriggerReason]> = {
  EVDisconnected: ['EVDisconnected', 'EVDeparted'],
  Remote: ['Remote', 'RemoteStop'],
  Local: ['Local', 'StopAuthorized'],
  HardReset: ['ImmediateReset', 'ResetCommand'],
  SoftReset: ['ImmediateReset', 'ResetCommand'],
  UnlockCommand: ['Other', 'UnlockCommand'],
  DeAuthorized: ['DeAuthorized', 'Deauthorized'],
};

function connectorStatus(status: ConnectorStatus16): V201ConnectorStatus {
  if (status === 'Unavailable' || status === 'Faulted' || status === 'Available') return status;
  return 'Occupied';
}

function chargingState(connector: ChargingConnector, status: ConnectorStatus16 = connector.status) {
  switch (status) {
    case 'Charging':
      return 'Charging' as const;
    case 'SuspendedEV':
      return 'SuspendedEV' as const;
    case 'SuspendedEVSE':
      return 'SuspendedEVSE' as const;
    default:
      return connector.vehicle ? ('EVConnected' as const) : ('Idle' as const);
  }
}

export class V201ChargingStationProtocol implements ChargePointProtocol {
  readonly version = '2.0.1';

  constructor(private readonly host: ChargePointHost) {}

  private meterValue(connector: ChargingConnector, context: V201ReadingContext): V201MeterValue {
    return {
      timestamp: this.host.clock.now().toISOString(),
      sampledValue: meterReadings(connector, this.host.settings.measurands).map((r) => ({
        value: r.value,
        context,
        measurand: r.measurand,
        location: r.location,
        unitOfMeasure: { unit: r.unit },
      })),
    };
  }

  /** E01–E07: one TransactionEvent; seqNo is taken when the event is created, so offline queueing keeps order. */
  private async transactionEvent(
    connector: ChargingConnector,
    eventType: V201TransactionEventRequest['eventType'],
    triggerReason: V201TriggerReason,
    extra: Partial<V201TransactionEventRequest> = {},
    context?: V201ReadingContext,
  ): Promise<V201TransactionEventResponse | undefined> {
    const tx = connector.transaction;
    if (!tx) return undefined;
    const createdOffline = !this.host.online;
    const event: V201TransactionEventRequest = {
      eventType,
      timestamp: this.host.clock.now().toISOString(),
      triggerReason,
      seqNo: tx.nextSeqNo++,
      transactionInfo: { transactionId: tx.id, chargingState: chargingState(connector) },
      ...extra,
    };
    if (createdOffline) event.offline = true;
    if (context) event.meterValue = [this.meterValue(connector, context)];
    // The transaction is over once Ended is created, whether or not the CSMS has answered yet.
    if (eventType === 'Ended') connector.transaction = undefined;
    const res = await this.host.call<V201TransactionEventResponse>('TransactionEvent', () => event, true);
    if (this.host.faults.duplicateTransactionEvents) await this.host.call('TransactionEvent', () => event, true);
    return res;
  }

  async boot(reason: BootReason): Promise<BootResult | undefined> {
    const { info } = this.host;
    const res = await this.host.call<V201BootNotificationResponse>('BootNotification', () => ({
      reason,
      chargingStation: {
        vendorName: info.vendor,
        model: info.model,
        serialNumber: info.serialNumber,
        firmwareVersion: info.firmwareVersion,
      },
    }));
    return res && { status: res.status, intervalSeconds: res.interval };
  }

  async heartbeat(): Promise<void> {
    await this.host.call('Heartbeat', () => ({}));
  }

  async status(connector: ChargingConnector): Promise<void> {
    await this.host.call('StatusNotification', () => ({
      timestamp: this.host.clock.now().toISOString(),
      connectorStatus: connectorStatus(connector.status),
      evseId: connector.id,
      connectorId: 1,
    }));
  }

  async authorize(idTag: string): Promise<boolean> {
    const res = await this.host.call<V201AuthorizeResponse>('Authorize', () => ({
      idToken: { idToken: idTag, type: 'ISO14443' },
    }));
    return res?.idTokenInfo.status === 'Accepted';
  }

  async startTransaction(connector: ChargingConnector, idTag: string, remoteStartId?: number): Promise<boolean> {
    connector.transaction = {
      // E01: the station assigns the transaction id (max 36 characters).
      id: randomUUID(),
      idTag,
      startedAt: this.host.clock.now(),
      meterStartWh: Math.round(connector.energyRegisterWh),
      nextSeqNo: 0,
      remoteStartId,
    };
    const res = await this.transactionEvent(
      connector,
      'Started',
      remoteStartId === undefined ? 'Authorized' : 'RemoteStart',
      {
        evse: { id: connector.id, connectorId: 1 },
        idToken: { idToken: idTag, type: 'ISO14443' },
        transactionInfo: { transactionId: connector.transaction.id, chargingState: 'EVConnected', remoteStartId },
      },
      'Transaction.Begin',
    );
    // E05: an idToken the CSMS does not accept in the TransactionEventResponse ends the transaction.
    const status = res?.idTokenInfo?.status;
    if (status !== undefined && status !== 'Accepted') return false;
    await this.notifyChargingNeeds(connector);
    return true;
  }

  /** K15: the EV's needs from ISO 15118, in Wh, W, A and V. */
  private async notifyChargingNeeds(connector: ChargingConnector): Promise<void> {
    const ev = connector.vehicle;
    if (!ev?.iso15118) return;
    const { departureTime, targetSocPercent = 100, maxVoltageV = 400 } = ev.iso15118;
    const energyAmount = Math.max(
      0,
      Math.round(((targetSocPercent - connector.socPercent) / 100) * ev.batteryKwh * 1000),
    );
    const supply = connector.supply;
    const dc = supply.currentType === 'DC';
    const maxCurrent = Math.round(
      (ev.maxKw * 1000) / (dc ? maxVoltageV : (supply.phases ?? 3) * (supply.nominalVoltageV ?? 230)),
    );
    const phases = supply.phases ?? 3;
    const requestedEnergyTransfer = dc
      ? 'DC'
      : phases === 1
        ? 'AC_single_phase'
        : phases === 2
          ? 'AC_two_phase'
          : 'AC_three_phase';
    await this.host.call('NotifyEVChargingNeeds', () => ({
      evseId: connector.id,
      chargingNeeds: {
        requestedEnergyTransfer,
        departureTime: departureTime?.toISOString(),
        ...(dc
          ? {
              dcChargingParameters: {
                evMaxCurrent: maxCurrent,
                evMaxVoltage: maxVoltageV,
                energyAmount,
                evMaxPower: Math.round(ev.maxKw * 1000),
                stateOfCharge: Math.round(connector.socPercent),
                evEnergyCapacity: Math.round(ev.batteryKwh * 1000),
              },
            }
          : {
              acChargingParameters: {
                energyAmount,
                evMinCurrent: 6,
                evMaxCurrent: maxCurrent,
                evMaxVoltage: maxVoltageV,
              },
            }),
      },
    }));
  }

  async meterValues(connector: ChargingConnector, context: 'Sample.Periodic' | 'Trigger'): Promise<void> {
    if (connector.transaction) {
      // J02: sampled meter values during a transaction travel in TransactionEvent Updated.
      await this.transactionEvent(
        connector,
        'Updated',
        context === 'Trigger' ? 'Trigger' : 'MeterValuePeriodic',
        {},
        context,
      );
      return;
    }
    await this.host.call('MeterValues', () => ({
      evseId: connector.id,
      meterValue: [this.meterValue(connector, context)],
    }));
  }

  /** G01: StatusNotification only when the connector status changes; E02: charging state changes as TransactionEvent. */
  async statusChanged(connector: ChargingConnector, previous: ConnectorStatus16): Promise<void> {
    if (connectorStatus(previous) !== connectorStatus(connector.status)) await this.status(connector);
    const tx = connector.transaction;
    const stateChanged = chargingState(connector, previous) !== chargingState(connector);
    // The Started event already carried the first state; later changes are Updated events.
    if (tx && tx.nextSeqNo > 0 && stateChanged)
      await this.transactionEvent(connector, 'Updated', 'ChargingStateChanged');
  }

  async stopTransaction(connector: ChargingConnector, reason: StopReason): Promise<void> {
    const tx = connector.transaction;
    if (!tx) return;
    const [stoppedReason, triggerReason] = STOPPED[reason];
    await this.transactionEvent(
      connector,
      'Ended',
      triggerReason,
      {
        transactionInfo: {
          transactionId: tx.id,
          chargingState: connector.vehicle && reason !== 'EVDisconnected' ? 'EVConnected' : 'Idle',
          // E06: stoppedReason may be omitted only when it is Local.
          stoppedReason,
        },
      },
      'Transaction.End',
    );
  }

  registerHandlers(client: RpcClient): void {
    registerV201CsmsHandlers(client, this.host);
  }
}
