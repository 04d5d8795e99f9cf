/** Handlers for the Central System-initiated 1.6 messages the virtual charge point supports. */
import {
  profileFromV16,
  toV16CompositeResponse,
  V16CentralSystemRequests,
  V16CentralSystemResponses,
} from '@apron/ocpp-model';
import { ChargePointHost } from './charge-point-host';
import { refusesChargingProfile } from './profile-refusal';
import { RpcClient } from './rpc-client.factory';
import { changeConfiguration, getConfiguration } from './v16-configuration';

type Handler<A extends keyof V16CentralSystemRequests> = (
  req: V16CentralSystemRequests[A],
) => V16CentralSystemResponses[A];

export function registerV16CentralSystemHandlers(client: RpcClient, host: ChargePointHost): void {
  const on = <A extends keyof V16CentralSystemRequests>(action: A, handler: Handler<A>) =>
    client.handle(action, async ({ params }) => handler(params as V16CentralSystemRequests[A]));
  const count = host.connectors.length;

  on('SetChargingProfile', (req) => {
    if (refusesChargingProfile(host)) return { status: 'Rejected' };
    const decision = host.installProfile(profileFromV16(req.csChargingProfiles, req.connectorId));
    return { status: decision.accepted ? 'Accepted' : 'Rejected' };
  });
  on('ClearChargingProfile', (req) => {
    const purpose = req.chargingProfilePurpose;
    const cleared = host.clearProfiles({
      id: req.id,
      evseId: req.connectorId,
      purpose:
        purpose === undefined
          ? undefined
          : ({ ChargePointMaxProfile: 'StationMax', TxDefaultProfile: 'TxDefault', TxProfile: 'Tx' } as const)[purpose],
      stackLevel: req.stackLevel,
    });
    return { status: cleared > 0 ? 'Accepted' : 'Unknown' };
  });
  on('GetCompositeSchedule', (req) => {
    const composite = host.composite(req.connectorId, req.duration, req.chargingRateUnit);
    return composite ? toV16CompositeResponse(composite) : { status: 'Rejected' };
  });
  on('RemoteStartTransaction', (req) => {
    const profile = req.chargingProfile && profileFromV16(req.chargingProfile, req.connectorId ?? 0);
    return { status: host.remoteStart(req.connectorId, req.idTag, undefined, profile) ? 'Accepted' : 'Rejected' };
  });
  on('RemoteStopTransaction', (req) => ({
    status: host.remoteStop(String(req.transactionId)) ? 'Accepted' : 'Rejected',
  }));
  on('TriggerMessage', (req) => {
    const kind = req.requestedMessage;
    if (kind === 'DiagnosticsStatusNotification' || kind === 'FirmwareStatusNotification') {
      setImmediate(() => void host.call(kind, () => ({ status: 'Idle' })));
      return { status: 'Accepted' };
    }
    if (req.connectorId !== undefined && !host.connector(req.connectorId) && req.connectorId !== 0) {
      return { status: 'Rejected' };
    }
    host.trigger(kind, req.connectorId);
    return { status: 'Accepted' };
  });
  on('ChangeConfiguration', (req) => {
    const res = changeConfiguration(host.settings, count, req.key, req.value);
    if (res.status === 'Accepted') host.settingsChanged();
    return res;
  });
  on('GetConfiguration', (req) => getConfiguration(host.settings, count, req.key));
  on('ChangeAvailability', (req) => ({ status: host.changeAvailability(req.connectorId, req.type === 'Operative') }));
  on('Reset', (req) => {
    return { status: host.reset(req.type === 'Hard') === 'Accepted' ? 'Accepted' : 'Rejected' };
  });
  on('UnlockConnector', (req) => {
    const result = host.unlock(req.connectorId, true);
    return { status: result === 'UnknownConnector' ? 'NotSupported' : 'Unlocked' };
  });
}
