import { Injectable, Logger } from '@nestjs/common';
import { MeterSampleEvent, SessionEndedEvent, SessionStartedEvent, SessionUpdatedEvent } from '@apron/ocpp-model';
import { SocInputEvent } from '@apron/soc';
import { Vehicle } from '../../fleet/vehicle.entity';
import { SiteKind } from '../../sites/site.entity';
import { SitesService } from '../../sites/sites.service';
import { VehicleDirectory } from '../common/vehicle-directory';
import { SessionLinker } from '../linking/session-linker';
import { FleetSessionRow, SessionLinkSource } from '../persistence/fleet-session.entity';
import { FleetSessionsRepository } from '../persistence/fleet-sessions.repository';
import { VehicleSocStore } from '../soc/vehicle-soc-store';
import { RegisterCheckpoints } from './register-checkpoints';
import { KeyedInput, sampleInputs } from './session-meter-inputs';

/** Who the session's events came from (the envelope's fields). */
export interface SessionSource {
  sessionId: string;
  chargePointId: string;
  siteId: string | null;
}

export type ManualLinkOutcome = 'linked' | 'unchanged' | 'unknown-session' | 'linked-elsewhere';

/**
 * Turns one session's OCPP events into SoC inputs of the vehicle it charges. Callers run all events of a charge point
 * in one queue (ocpp-fleet-feed.ts), so a session's rows are read and written by one job at a time. Inputs of a session
 * not linked to a vehicle are kept and replayed when it is linked (by a later idTag or a dispatcher).
 */
@Injectable()
export class SessionSocFeeder {
  private readonly logger = new Logger(SessionSocFeeder.name);
  private readonly open = new Map<string, FleetSessionRow>();
  private readonly siteKinds = new Map<string, Promise<SiteKind | null>>();
  /** Sessions whose row exists in the database: their register checkpoints can be written in batches. */
  private readonly stored = new Set<string>();

  constructor(
    private readonly sessions: FleetSessionsRepository,
    private readonly linker: SessionLinker,
    private readonly directory: VehicleDirectory,
    private readonly store: VehicleSocStore,
    private readonly sites: SitesService,
    private readonly checkpoints: RegisterCheckpoints,
  ) {}

  async started(source: SessionSource, event: SessionStartedEvent): Promise<void> {
    const row = await this.row(source, event.evseId);
    row.startedAt ??= event.at;
    row.evseId ??= event.evseId ?? null;
    if (event.meterStartWh !== undefined && row.lastRegisterWh === null) {
      row.lastRegisterWh = event.meterStartWh;
      row.lastRegisterAt = event.at;
    }
    await this.identify(row, event.idTag);
    await this.save(row);
  }

  async updated(source: SessionSource, event: SessionUpdatedEvent): Promise<void> {
    const row = await this.row(source, event.evseId);
    row.evseId ??= event.evseId ?? null;
    if (event.idTag !== undefined && row.vehicleId === null) await this.identify(row, event.idTag);
    await this.save(row);
  }

  async sample(source: SessionSource, sample: MeterSampleEvent): Promise<void> {
    const row = await this.row(source, sample.evseId);
    const result = sampleInputs(row.sessionId, row, sample);
    if (result.skipped) this.logger.warn(`session ${row.sessionId}: ${result.skipped}`);
    row.lastRegisterWh = result.register.lastRegisterWh;
    row.lastRegisterAt = result.register.lastRegisterAt;
    if (!this.stored.has(row.sessionId)) await this.save(row);
    else if (row.lastRegisterWh !== null && row.lastRegisterAt !== null) {
      this.checkpoints.record({
        sessionId: row.sessionId,
        lastRegisterWh: row.lastRegisterWh,
        lastRegisterAt: row.lastRegisterAt,
      });
    }
    await this.feed(row, result.inputs);
  }

  async ended(source: SessionSource, event: SessionEndedEvent): Promise<void> {
    const row = await this.row(source, event.evseId);
    if (event.idTag !== undefined && row.vehicleId === null && !row.nonFleet) await this.identify(row, event.idTag);
    if (event.meterStopWh !== undefined) {
      const result = sampleInputs(row.sessionId, row, { at: event.at, energyWh: event.meterStopWh });
      row.lastRegisterWh = result.register.lastRegisterWh;
      row.lastRegisterAt = result.register.lastRegisterAt;
      await this.feed(row, result.inputs);
    }
    row.endedAt ??= event.at;
    await this.save(row);
    this.open.delete(row.sessionId);
    this.stored.delete(row.sessionId);
  }

  /** A dispatcher's link; the session's inputs so far go to the vehicle's estimator. */
  async linkManually(
    sessionId: string,
    vehicle: Vehicle,
  ): Promise<{ outcome: ManualLinkOutcome; session?: FleetSessionRow }> {
    const row = this.open.get(sessionId) ?? (await this.sessions.find(sessionId));
    if (!row) return { outcome: 'unknown-session' };
    if (row.vehicleId === vehicle.id) return { outcome: 'unchanged', session: row };
    // Inputs already fused into another vehicle's estimator cannot be taken back out.
    if (row.vehicleId !== null) return { outcome: 'linked-elsewhere', session: row };
    await this.link(row, vehicle, 'manual');
    await this.save(row);
    return { outcome: 'linked', session: row };
  }

  private async save(row: FleetSessionRow): Promise<void> {
    await this.sessions.save(row);
    if (row.endedAt === null) this.stored.add(row.sessionId);
  }

  private async identify(row: FleetSessionRow, idTag: string | undefined): Promise<void> {
    if (idTag === undefined || idTag === '') return;
    row.idTag = idTag;
    if (row.vehicleId !== null) return;
    const found = await this.linker.byIdentifier(idTag);
    if (found) await this.link(row, found.vehicle, found.source);
    else row.nonFleet = true;
  }

  private async link(row: FleetSessionRow, vehicle: Vehicle, source: SessionLinkSource): Promise<void> {
    row.vehicleId = vehicle.id;
    row.linkSource = source;
    row.nonFleet = false;
    const pending = await this.sessions.takePending(row.sessionId);
    if (pending.length > 0) await this.store.add(vehicle, pending);
  }

  private async feed(row: FleetSessionRow, inputs: KeyedInput[]): Promise<void> {
    if (inputs.length === 0) return;
    if (row.vehicleId === null) {
      // A public EV at a highway site is nobody's fleet vehicle: keeping its inputs for a manual link costs rows for
      // nothing. At an airport an unknown idTag may well be a bus with a new card, so they are kept.
      if (!row.nonFleet || (await this.siteKind(row.siteId)) !== 'highway') {
        await this.sessions.addPending(row.sessionId, inputs);
      }
      return;
    }
    const vehicle = await this.directory.get(row.vehicleId);
    if (!vehicle) return;
    await this.store.add(
      vehicle,
      inputs.map((input): SocInputEvent => input.event),
    );
  }

  /** Cached as a promise: a thousand sessions starting at once at one site ask the database once. */
  private siteKind(siteId: string | null): Promise<SiteKind | null> {
    if (siteId === null) return Promise.resolve(null);
    let kind = this.siteKinds.get(siteId);
    if (!kind) {
      kind = this.sites.get(siteId).then(
        (site) => site.kind,
        () => null,
      );
      this.siteKinds.set(siteId, kind);
    }
    return kind;
  }

  private async row(source: SessionSource, evseId: number | undefined): Promise<FleetSessionRow> {
    const cached = this.open.get(source.sessionId);
    if (cached) return cached;
    const stored = await this.sessions.find(source.sessionId);
    const row =
      stored ??
      Object.assign(new FleetSessionRow(), {
        sessionId: source.sessionId,
        chargePointId: source.chargePointId,
        siteId: source.siteId,
        evseId: evseId ?? null,
        idTag: null,
        vehicleId: null,
        linkSource: null,
        nonFleet: false,
        startedAt: null,
        endedAt: null,
        lastRegisterWh: null,
        lastRegisterAt: null,
      });
    if (row.endedAt === null) this.open.set(row.sessionId, row);
    if (stored && row.endedAt === null) this.stored.add(row.sessionId);
    return row;
  }
}
