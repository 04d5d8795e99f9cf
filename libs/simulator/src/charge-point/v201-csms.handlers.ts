/** Handlers for the CSMS-initiated 2.0.1 messages the virtual charging station supports. */
import { profileFromV201, toV201CompositeResponse, V201CsmsRequests, V201CsmsResponses } from '@apron/ocpp-model';
import { ChargePointHost, TriggerKind } from './charge-point-host';
import { refusesChargingProfile } from './profile-refusal';
import { RpcClient } from './rpc-client.factory';
import { getVariables, setVariables } from './v201-variables';

type Handler<A extends keyof V201CsmsRequests> = (req: V201CsmsRequests[A]) => V201CsmsResponses[A];

const PURPOSE = {
  ChargingStationMaxProfile: 'StationMax',
  ChargingStationExternalConstraints: 'StationExternal',
  TxDefaultProfile: 'TxDefault',
  TxProfile: 'Tx',
} as const;

export function registerV201CsmsHandlers(client: RpcClient, host: ChargePointHost): void {
  const on = <A extends keyof V201CsmsRequests>(action: A, handler: Handler<A>) =>
    client.handle(action, async ({ params }) => handler(params as V201CsmsRequests[A]));

  on('SetChargingProfile', (req) => {
    if (refusesChargingProfile(host)) return { status: 'Rejected' };
    const decision = host.installProfile(profileFromV201(req.chargingProfile, req.evseId));
    return decision.accepted
      ? { status: 'Accepted' }
      : { status: 'Rejected', statusInfo: { reasonCode: decision.reason.slice(0, 20) } };
  });
  on('ClearChargingProfile', (req) => {
    const c = req.chargingProfileCriteria;
    const cleared = host.clearProfiles({
      id: req.chargingProfileId,
      evseId: c?.evseId,
      purpose: c?.chargingProfilePurpose === undefined ? undefined : PURPOSE[c.chargingProfilePurpose],
      stackLevel: c?.stackLevel,
    });
    return { status: cleared > 0 ? 'Accepted' : 'Unknown' };
  });
  on('GetCompositeSchedule', (req) => {
    const composite = host.composite(req.evseId, req.duration, req.chargingRateUnit);
    return composite ? toV201CompositeResponse(composite) : { status: 'Rejected' };
  });
  on('RequestStartTransaction', (req) => {
    const profile = req.chargingProfile && profileFromV201(req.chargingProfile, req.evseId ?? 0);
    const connector = host.remoteStart(req.evseId, req.idToken.idToken, req.remoteStartId, profile);
    if (!connector) return { status: 'Rejected' };
    // F01.FR.?: a transaction already running on the EVSE (e.g. started on plug-in) has its id returned.
    return connector.transaction
      ? { status: 'Accepted', transactionId: connector.transaction.id }
      : { status: 'Accepted' };
  });
  on('RequestStopTransaction', (req) => ({ status: host.remoteStop(req.transactionId) ? 'Accepted' : 'Rejected' }));
  on('TriggerMessage', (req) => {
    const kind = req.requestedMessage;
    if (kind === 'FirmwareStatusNotification' || kind === 'LogStatusNotification') {
      setImmediate(() => void host.call(kind, () => ({ status: 'Idle' })));
      return { status: 'Accepted' };
    }
    const supported: TriggerKind[] = [
      'BootNotification',
      'Heartbeat',
      'StatusNotification',
      'MeterValues',
      'TransactionEvent',
    ];
    if (!supported.includes(kind as TriggerKind)) return { status: 'NotImplemented' };
    if (req.evse && !host.connector(req.evse.id)) return { status: 'Rejected' };
    host.trigger(kind as TriggerKind, req.evse?.id);
    return { status: 'Accepted' };
  });
  on('SetVariables', (req) => {
    const res = setVariables(host.settings, req);
    host.settingsChanged();
    return res;
  });
  on('GetVariables', (req) => getVariables(host.settings, req));
  on('ChangeAvailability', (req) => ({
    status: host.changeAvailability(req.evse?.id ?? 0, req.operationalStatus === 'Operative'),
  }));
  on('Reset', (req) => {
    if (req.evseId !== undefined) return { status: 'Rejected' };
    return { status: host.reset(req.type === 'Immediate', req.type === 'OnIdle') };
  });
  on('UnlockConnector', (req) => ({ status: host.unlock(req.evseId, false) }));
}
