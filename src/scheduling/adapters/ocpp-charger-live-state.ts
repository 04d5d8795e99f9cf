import { Inject, Injectable } from '@nestjs/common';
import { OcppReadService } from '../../ocpp/read/ocpp-read.service';
import { ChargerLive, ChargerLiveState, FLEET_SESSIONS, FleetSessions } from '../live-state.ports';
import { ConnectorStatus, PublicSessionState } from '../site-snapshot';

const ASSUMED_PUBLIC_BATTERY_KWH = 60;
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

  async pluggedVehicles(siteId: string): Promise<Map<string, { chargePointId: string; connectorId: number }>> {
    const sessions = await this.activeSessions(siteId);
    return new Map(
      sessions
        .filter((session) => session.vehicleId !== null && (session.evseId ?? session.connectorId) !== null)
        .map((session) => [
          session.vehicleId!,
          { chargePointId: session.chargePointId, connectorId: (session.evseId ?? session.connectorId)! },
        ]),
    );
  }

  async publicSessions(siteId: string): Promise<PublicSessionState[]> {
    const [sessions, fleetSessionIds] = await Promise.all([
      this.activeSessions(siteId),
      this.fleet.fleetSessionIds(siteId),
    ]);
    return sessions
      .filter((session) => session.vehicleId === null && !fleetSessionIds.has(session.id))
      .filter((session) => (session.evseId ?? session.connectorId) !== null)
      .map((session) => {
        const socPercent = session.lastSocPercent ?? undefined;
        const energyKwh = session.evEnergyAmountWh !== null ? session.evEnergyAmountWh / 1000 : undefined;
        const targetSocPercent =
          socPercent !== undefined && energyKwh !== undefined
            ? Math.min(100, socPercent + (energyKwh / ASSUMED_PUBLIC_BATTERY_KWH) * 100)
            : undefined;
        return {
          id: session.id,
          chargePointId: session.chargePointId,
          connectorId: (session.evseId ?? session.connectorId)!,
          socPercent,
          targetSocPercent,
          departure: session.evDepartureAt ?? undefined,
        };
      });
  }

  private async activeSessions(siteId: string) {
    return (await this.ocpp.listSessions({ siteId, active: true }, MAX_ACTIVE_SESSIONS, 0)).items;
  }
}
