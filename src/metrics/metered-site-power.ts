import { OcppEventEnvelope } from '../ocpp/events/ocpp-event-bus';

interface ConnectorPower {
  chargePointId: string;
  /** Known once a sample or status names it (2.0.1 TransactionEvent samples after the first do not). */
  evseId?: number;
  powerKw: number;
}

/** Connector states in which nothing can flow: their last reading no longer counts. */
const NOT_CHARGING = new Set(['Available', 'Unavailable', 'Faulted']);

/**
 * Metered charging power of each site now: per connector the power of its latest meter sample (Power.Active.Import),
 * summed over the site. A reading stops counting when its session ends, its connector becomes available, unavailable
 * or faulted, or its charger disconnects (the service can no longer see what it draws). Fed from the OCPP event bus,
 * so a scrape costs no database read.
 */
export class MeteredSitePower {
  private readonly sites = new Map<string, Map<string, ConnectorPower>>();

  /** Takes one event; returns the site whose metered power changed, if any. */
  apply(envelope: OcppEventEnvelope): string | undefined {
    const { event, siteId, chargePointId } = envelope;
    if (siteId === null) return undefined;
    switch (event.type) {
      case 'meter.sample': {
        if (event.powerW === undefined || !Number.isFinite(event.powerW)) return undefined;
        const key = this.keyOf(envelope, event.evseId);
        if (key === undefined) return undefined;
        const connectors = this.connectors(siteId);
        const evseId = event.evseId ?? connectors.get(key)?.evseId;
        connectors.set(key, { chargePointId, evseId, powerKw: event.powerW / 1000 });
        return siteId;
      }
      case 'session.ended':
        return envelope.sessionId !== undefined && this.sites.get(siteId)?.delete(`session:${envelope.sessionId}`)
          ? siteId
          : undefined;
      case 'connector.status':
        if (!NOT_CHARGING.has(event.status)) return undefined;
        return this.drop(siteId, (c) => c.chargePointId === chargePointId && c.evseId === event.evseId);
      case 'charger.disconnected':
        return this.drop(siteId, (c) => c.chargePointId === chargePointId);
      default:
        return undefined;
    }
  }

  /** kW; 0 for a site with no connector reading. */
  siteKw(siteId: string): number {
    let kw = 0;
    for (const connector of this.sites.get(siteId)?.values() ?? []) kw += connector.powerKw;
    return Math.round(kw * 1000) / 1000;
  }

  /** A session's samples belong to it; others to their EVSE. EVSE 0 is the whole station's meter: not a connector. */
  private keyOf(envelope: OcppEventEnvelope, evseId: number | undefined): string | undefined {
    if (envelope.sessionId !== undefined) return `session:${envelope.sessionId}`;
    if (evseId === undefined || evseId === 0) return undefined;
    return `evse:${envelope.chargePointId}/${evseId}`;
  }

  private connectors(siteId: string): Map<string, ConnectorPower> {
    let connectors = this.sites.get(siteId);
    if (!connectors) {
      connectors = new Map();
      this.sites.set(siteId, connectors);
    }
    return connectors;
  }

  private drop(siteId: string, matches: (connector: ConnectorPower) => boolean): string | undefined {
    const connectors = this.sites.get(siteId);
    let dropped = false;
    for (const [key, connector] of connectors ?? []) {
      if (matches(connector)) dropped = connectors!.delete(key) || dropped;
    }
    return dropped ? siteId : undefined;
  }
}
