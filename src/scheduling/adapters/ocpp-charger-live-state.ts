import { Inject, Injectable } from '@nestjs/common';
import { OcppReadService } from '../../ocpp/read/ocpp-read.service';
import { ChargerLive, ChargerLiveState, FLEET_SESSIONS, FleetSessions, SiteSessions } from '../live-state.ports';
import { ConnectorStatus, PublicSessionState } from '../site-snapshot';
import { needsOfSession } from './ev-charging-needs';

const MAX_ACTIVE_SESSIONS = 1000;

/** Live charger state from the OCPP gateway: connection, connector status, public sessions and their needs. */
@Injectable()
export class OcppChargerLiveState implements ChargerLiveState {
  constructor(
    private readonly ocpp: OcppReadService,
    @Inject(FLEET_SESSIONS) private readonly fleet: FleetSessions,
  ) {}

  async chargers(chargePointIds: string[]): Promise<Map<string, ChargerLive>> {
    const states = await Promise.all(chargePointIds.map((id) => this.ocpp.connectionState(id)));
    return new Map(
      states.map((state) => [
        state.chargePointId,
        {
          online: state.online,
          // One connector per EVSE: our connector number is the EVSE id (1.6 connector N is EVSE N).
          connectors: new Map(state.connectors.map((c) => [c.evseId, c.status as ConnectorStatus])),
        },
      ]),
    );
  }

  /** One read of the site's sessions in progress serves both the plugged fleet and the public EVs. */
  async sessions(siteId: string): Promise<SiteSessions> {
    const [sessions, fleetSessionIds] = await Promise.all([
      this.activeSessions(siteId),
      this.fleet.fleetSessionIds(siteId),
    ]);
    const located = sessions.filter((session) => (session.evseId ?? session.connectorId) !== null);
    const connectorOf = (session: (typeof located)[number]) => (session.evseId ?? session.connectorId)!;
    const pluggedVehicles = new Map(
      located
        .filter((session) => session.vehicleId !== null)
        .map((session) => [
          session.vehicleId!,
          { chargePointId: session.chargePointId, connectorId: connectorOf(session) },
        ]),
    );
    const publicSessions = located
      .filter((session) => session.vehicleId === null && !fleetSessionIds.has(session.id))
      .map((session): PublicSessionState => ({
        id: session.id,
        chargePointId: session.chargePointId,
        connectorId: connectorOf(session),
        ...needsOfSession(session),
      }));
    return { pluggedVehicles, publicSessions };
  }

  private async activeSessions(siteId: string) {
    return (await this.ocpp.listSessions({ siteId, active: true }, MAX_ACTIVE_SESSIONS, 0)).items;
  }
}
