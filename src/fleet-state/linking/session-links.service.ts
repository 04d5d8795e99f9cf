import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { invalidField } from '../../common/field-errors';
import { VehicleDirectory } from '../common/vehicle-directory';
import { OcppFleetFeed } from '../ocpp-feed/ocpp-fleet-feed';
import { SessionSocFeeder } from '../ocpp-feed/session-soc-feeder';
import { FleetSessionRow } from '../persistence/fleet-session.entity';
import { FleetSessionsRepository } from '../persistence/fleet-sessions.repository';
import { VehicleEvccidsRepository } from '../persistence/vehicle-evccids.repository';
import { canonicalEvccid } from './evccid';

/** The dispatcher's side of linking: a session to a vehicle by hand, and EVCCIDs to vehicles. */
@Injectable()
export class SessionLinksService {
  constructor(
    private readonly directory: VehicleDirectory,
    private readonly sessions: FleetSessionsRepository,
    private readonly feed: OcppFleetFeed,
    private readonly feeder: SessionSocFeeder,
    private readonly evccids: VehicleEvccidsRepository,
  ) {}

  async linkSession(sessionId: string, vehicleRef: string): Promise<FleetSessionRow> {
    const vehicle = await this.directory.resolve(vehicleRef);
    if (!vehicle) throw invalidField('vehicle', `unknown vehicle ${vehicleRef}`);
    const known = await this.sessions.find(sessionId);
    if (!known) throw new NotFoundException(`Charging session ${sessionId} not found`);
    // In the charger's queue, so the link lands between two of its events, never in the middle of one.
    const { outcome, session } = await this.feed.inChargePointQueue(known.chargePointId, () =>
      this.feeder.linkManually(sessionId, vehicle),
    );
    if (outcome === 'unknown-session' || !session)
      throw new NotFoundException(`Charging session ${sessionId} not found`);
    if (outcome === 'linked-elsewhere') {
      throw new ConflictException(`Charging session ${sessionId} is already linked to vehicle ${session.vehicleId}`);
    }
    return session;
  }

  async session(sessionId: string): Promise<FleetSessionRow> {
    const session = await this.sessions.find(sessionId);
    if (!session) throw new NotFoundException(`Charging session ${sessionId} not found`);
    return session;
  }

  async addEvccid(vehicleId: string, evccid: string): Promise<string[]> {
    const vehicle = await this.directory.get(vehicleId);
    if (!vehicle) throw new NotFoundException(`Vehicle ${vehicleId} not found`);
    const canonical = canonicalEvccid(evccid);
    if (canonical === null)
      throw invalidField('evccid', 'evccid must be 12 hex digits (a MAC), optionally VID:-prefixed');
    await this.evccids.assign(canonical, vehicle.id);
    return this.evccids.listFor(vehicle.id);
  }
}
