/** OCPP 1.6 behaviour of the virtual charge point. */
import {
  V16AuthorizeResponse,
  V16BootNotificationResponse,
  V16ChargePointRequests,
  V16MeterValue,
  V16SampledValue,
  V16StartTransactionResponse,
  V16StopReason,
} from '@apron/ocpp-model';
import { BootReason, BootResult, ChargePointProtocol } from './charge-point.protocol';
import { ChargePointHost, StopReason } from './charge-point-host';
import { ChargingConnector } from './charging-connector';
import { meterReadings } from './meter-readings';
import { RpcClient } from './rpc-client.factory';
import { registerV16CentralSystemHandlers } from './v16-central-system.handlers';

const STOP_REASON: Record<StopReason, V16StopReason> = {
  EVDisconnected: 'EVDisconnected',
  Remote: 'Remote',
  Local: 'Local',
  HardReset: 'HardReset',
  SoftReset: 'SoftReset',
  UnlockCommand: 'UnlockCommand',
  DeAuthorized: 'DeAuthorized',
};

export class V16ChargePointProtocol implements ChargePointProtocol {
  readonly version = '1.6';

  constructor(private readonly host: ChargePointHost) {}

  private meterValue(connector: ChargingConnector, context: V16SampledValue['context']): V16MeterValue {
    return {
      timestamp: this.host.clock.now().toISOString(),
      sampledValue: meterReadings(connector, this.host.settings.measurands).map((r) => ({
        value: String(r.value),
        context,
        measurand: r.measurand,
        unit: r.unit,
        location: r.location,
      })),
    };
  }

  async boot(_reason: BootReason): Promise<BootResult | undefined> {
    const { info } = this.host;
    const payload: V16ChargePointRequests['BootNotification'] = {
      chargePointVendor: info.vendor,
      chargePointModel: info.model,
      chargePointSerialNumber: info.serialNumber,
      firmwareVersion: info.firmwareVersion,
    };
    const res = await this.host.call<V16BootNotificationResponse>('BootNotification', () => payload);
    return res && { status: res.status, intervalSeconds: res.interval };
  }

  async heartbeat(): Promise<void> {
    await this.host.call('Heartbeat', () => ({}));
  }

  async status(connector: ChargingConnector): Promise<void> {
    await this.host.call('StatusNotification', () => ({
      connectorId: connector.id,
      errorCode: 'NoError',
      status: connector.status,
      timestamp: this.host.clock.now().toISOString(),
    }));
  }

  async authorize(idTag: string): Promise<boolean> {
    const res = await this.host.call<V16AuthorizeResponse>('Authorize', () => ({ idTag }));
    return res?.idTagInfo.status === 'Accepted';
  }

  async startTransaction(connector: ChargingConnector, idTag: string): Promise<boolean> {
    const now = this.host.clock.now();
    // The Central System assigns the id; until it answers the transaction is known locally only.
    const tx = { id: '', idTag, startedAt: now, meterStartWh: Math.round(connector.energyRegisterWh), nextSeqNo: 0 };
    connector.transaction = tx;
    const payload = {
      connectorId: connector.id,
      idTag,
      meterStart: tx.meterStartWh,
      timestamp: now.toISOString(),
    };
    const res = await this.host.call<V16StartTransactionResponse>('StartTransaction', () => payload, true);
    if (this.host.faults.duplicateStartTransaction) {
      await this.host.call<V16StartTransactionResponse>('StartTransaction', () => payload, true);
    }
    if (res) tx.id = String(res.transactionId);
    // §6.46 / StopTransactionOnInvalidId: a transaction whose idTag the Central System refused is stopped.
    return !res || res.idTagInfo.status === 'Accepted';
  }

  async meterValues(connector: ChargingConnector, context: 'Sample.Periodic' | 'Trigger'): Promise<void> {
    const tx = connector.transaction;
    const meterValue = this.meterValue(connector, context);
    await this.host.call(
      'MeterValues',
      () => ({
        connectorId: connector.id,
        transactionId: tx?.id ? Number(tx.id) : undefined,
        meterValue: [meterValue],
      }),
      tx !== undefined,
    );
  }

  /** §4.9: every status change is reported. */
  async statusChanged(connector: ChargingConnector): Promise<void> {
    await this.status(connector);
  }

  async stopTransaction(connector: ChargingConnector, reason: StopReason): Promise<void> {
    const tx = connector.transaction;
    if (!tx) return;
    connector.transaction = undefined;
    const now = this.host.clock.now();
    const endValue = this.meterValue(connector, 'Transaction.End');
    await this.host.call(
      'StopTransaction',
      () => ({
        transactionId: Number(tx.id || 0),
        idTag: tx.idTag,
        meterStop: Math.round(connector.energyRegisterWh),
        timestamp: now.toISOString(),
        reason: STOP_REASON[reason],
        transactionData: [endValue],
      }),
      true,
    );
  }

  registerHandlers(client: RpcClient): void {
    registerV16CentralSystemHandlers(client, this.host);
  }
}
