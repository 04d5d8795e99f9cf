import { Injectable } from '@nestjs/common';
import { OcppReadService } from '../../ocpp/read/ocpp-read.service';
import { ChargerLive, ChargerLiveState, SessionLive } from '../live-state.ports';
import { ConnectorStatus } from '../site-snapshot';
import { ControlRefusals } from './control-refusals';
import { needsOfSession } from './ev-charging-needs';

/** Live charger state from the OCPP gateway: connection, connector status, sessions in progress and their needs. */
@Injectable()
export class OcppChargerLiveState implements ChargerLiveState {
  constructor(
    private readonly ocpp: OcppReadService,
    private readonly refusals: ControlRefusals,
  ) {}

  async chargers(chargePointIds: string[]): Promise<Map<string, ChargerLive>> {
    const live = await this.ocpp.liveConnectors(chargePointIds);
    return new Map(
      [...live].map(([chargePointId, state]) => {
        const refusal = this.refusals.refusalOf(chargePointId);
        const charger: ChargerLive = {
          online: state.online,
          // One connector per EVSE: our connector number is the EVSE id (1.6 connector N is EVSE N).
          connectors: new Map(state.connectors.map((c) => [c.evseId, c.status as ConnectorStatus])),
          ...(refusal ? { refusal: { reason: refusal.reason, since: refusal.since } } : {}),
        };
        return [chargePointId, charger];
      }),
    );
  }

  meteredKw(chargePointIds: string[], since: Date): Promise<Map<string, number>> {
    return this.ocpp.recentPowerKw(chargePointIds, since);
  }

  /** The gateway's sessions are the only session records: a fleet vehicle's is the one linked to it. */
  async sessions(siteId: string): Promise<SessionLive[]> {
    const sessions = await this.ocpp.activeSessions(siteId);
    return sessions
      .filter((session) => (session.evseId ?? session.connectorId) !== null)
      .map((session) => ({
        id: session.id,
        chargePointId: session.chargePointId,
        connectorId: (session.evseId ?? session.connectorId)!,
        transactionId: session.transactionId,
        vehicleId: session.vehicleId,
        needs: session.vehicleId === null ? needsOfSession(session) : {},
      }));
  }
}
