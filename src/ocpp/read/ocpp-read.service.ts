import { Injectable, NotFoundException } from '@nestjs/common';
import { Page } from '../../common/pagination';
import { ConnectionRegistry } from '../gateway/connection-registry';
import { ChargerStateRepository } from '../persistence/charger-state.repository';
import { ConnectorStatusRepository } from '../persistence/connector-status.repository';
import { MeterSampleRow } from '../persistence/meter-sample.entity';
import { MeterSamplesRepository, SampleRange } from '../persistence/meter-samples.repository';
import { SessionRow } from '../persistence/session.entity';
import { SessionFilter, SessionsRepository } from '../persistence/sessions.repository';
import { MeterSampleWriter } from '../sessions/meter-sample.writer';
import { ConnectionStateResponse } from './connection-state.dto';

/** More sessions in progress than a site has connectors is a charger's slip; the reads stop here. */
const MAX_ACTIVE_SESSIONS = 1000;

/** Sessions, meter samples and connection state for the API and for other features (scheduler, SoC tracking). */
@Injectable()
export class OcppReadService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly samples: MeterSamplesRepository,
    private readonly writer: MeterSampleWriter,
    private readonly chargerState: ChargerStateRepository,
    private readonly connectorStatus: ConnectorStatusRepository,
    private readonly registry: ConnectionRegistry,
  ) {}

  /** Buffered samples and counters are written first, so a reader sees everything the chargers were answered for. */
  async listSessions(filter: SessionFilter, limit: number, offset: number): Promise<Page<SessionRow>> {
    await this.writer.flush();
    const [items, total] = await this.sessions.list(filter, limit, offset);
    return { items, total, limit, offset };
  }

  /** Sessions in progress at a site, latest first (at most MAX_ACTIVE_SESSIONS), after buffered counters are written. */
  async activeSessions(siteId: string): Promise<SessionRow[]> {
    await this.writer.flush();
    return this.sessions.activeAtSite(siteId, MAX_ACTIVE_SESSIONS);
  }

  async getSession(id: string): Promise<SessionRow> {
    await this.writer.flush();
    const session = await this.sessions.findById(id);
    if (!session) throw new NotFoundException(`Session ${id} not found`);
    return session;
  }

  async listSamples(
    where: { sessionId?: string; chargePointId?: string },
    range: SampleRange,
    limit: number,
    offset: number,
  ): Promise<Page<MeterSampleRow>> {
    await this.writer.flush();
    const [items, total] = await this.samples.list(where, range, limit, offset);
    return { items, total, limit, offset };
  }

  /**
   * What each charger's meters read lately, kW: the sum of its EVSEs' latest power readings since `since`, or its own
   * meter's (EVSE 0) when that reads more. A charger without a reading in that window is absent.
   */
  async recentPowerKw(chargePointIds: string[], since: Date): Promise<Map<string, number>> {
    if (chargePointIds.length === 0) return new Map();
    await this.writer.flush();
    const readings = await this.samples.latestPowerW(chargePointIds, since);
    const byCharger = new Map<string, { evsesW: number; stationW: number }>();
    for (const { chargePointId, evseId, powerW } of readings) {
      const sums = byCharger.get(chargePointId) ?? { evsesW: 0, stationW: 0 };
      if (evseId === null || evseId === 0) sums.stationW = Math.max(sums.stationW, powerW);
      else sums.evsesW += powerW;
      byCharger.set(chargePointId, sums);
    }
    return new Map([...byCharger].map(([id, sums]) => [id, Math.max(sums.evsesW, sums.stationW) / 1000]));
  }

  isOnline(chargePointId: string): boolean {
    return this.registry.get(chargePointId)?.open ?? false;
  }

  /** For each charger, whether it is connected here and the last status of each of its connectors (one read). */
  async liveConnectors(
    chargePointIds: string[],
  ): Promise<Map<string, { online: boolean; connectors: { evseId: number; status: string }[] }>> {
    const rows = await this.connectorStatus.currentOf(chargePointIds);
    return new Map(
      chargePointIds.map((chargePointId) => [
        chargePointId,
        {
          online: this.isOnline(chargePointId),
          connectors: rows.filter((row) => row.chargePointId === chargePointId),
        },
      ]),
    );
  }

  async connectionState(chargePointId: string): Promise<ConnectionStateResponse> {
    const [state, connectors] = await Promise.all([
      this.chargerState.find(chargePointId),
      this.connectorStatus.current(chargePointId),
    ]);
    return {
      chargePointId,
      online: this.isOnline(chargePointId),
      ocppVersion: this.registry.get(chargePointId)?.version ?? state?.ocppVersion ?? null,
      bootStatus: state?.bootStatus ?? null,
      vendor: state?.vendor ?? null,
      model: state?.model ?? null,
      firmwareVersion: state?.firmwareVersion ?? null,
      lastSeenAt: (this.registry.get(chargePointId)?.lastSeenAt ?? state?.lastSeenAt)?.toISOString() ?? null,
      connectors: connectors.map((c) => ({
        evseId: c.evseId,
        connectorId: c.connectorId,
        status: c.status,
        chargingState: c.chargingState,
        rawStatus: c.rawStatus,
        errorCode: c.errorCode,
        at: c.at.toISOString(),
      })),
    };
  }
}
