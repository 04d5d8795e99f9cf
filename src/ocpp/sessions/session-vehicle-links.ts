import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Clock, CLOCK } from '../../common/clock';
import { invalidField } from '../../common/field-errors';
import { VehicleIdentityService } from '../../fleet/vehicle-identity.service';
import { OcppEventBus } from '../events/ocpp-event-bus';
import { SessionRow } from '../persistence/session.entity';
import { SessionsRepository } from '../persistence/sessions.repository';
import { SessionTracker } from './session-tracker';

/**
 * A dispatcher's link of a session to the vehicle it charges, for a car whose idTag or EVCCID named none. Stored on
 * the session itself (its one vehicle link); the session's later events carry the vehicle, and subscribers are told
 * with a `session.linked` event so they can hand the vehicle what the session delivered before.
 */
@Injectable()
export class SessionVehicleLinks {
  constructor(
    private readonly repository: SessionsRepository,
    private readonly tracker: SessionTracker,
    private readonly bus: OcppEventBus,
    private readonly identity: VehicleIdentityService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async session(sessionId: string): Promise<SessionRow> {
    const session = await this.repository.findById(sessionId);
    if (!session) throw new NotFoundException(`Charging session ${sessionId} not found`);
    return session;
  }

  async link(sessionId: string, vehicleRef: string): Promise<SessionRow> {
    const session = await this.session(sessionId);
    const vehicle = await this.identity.resolve(vehicleRef);
    if (!vehicle) throw invalidField('vehicle', `unknown vehicle ${vehicleRef}`);
    if (session.siteId !== null && vehicle.siteId !== session.siteId) {
      throw invalidField('vehicle', `vehicle ${vehicleRef} belongs to another site than the charger`);
    }
    if (session.vehicleId === vehicle.id) return session;
    // What a session delivered is in its vehicle's estimate already: it cannot be taken back out for another one.
    if (session.vehicleId !== null || !(await this.repository.linkVehicle(session.id, vehicle.id, 'manual'))) {
      const current = await this.session(sessionId);
      if (current.vehicleId === vehicle.id) return current;
      throw new ConflictException(`Charging session ${sessionId} is already linked to vehicle ${current.vehicleId}`);
    }
    const tracked = this.tracker.get(session.chargePointId, session.transactionId);
    if (tracked) tracked.vehicleId = vehicle.id;
    const now = this.clock.now();
    this.bus.publish({
      chargePointId: session.chargePointId,
      chargerId: session.chargerId,
      siteId: session.siteId,
      sessionId: session.id,
      vehicleId: vehicle.id,
      event: { type: 'session.linked', at: now },
      receivedAt: now,
    });
    return Object.assign(session, { vehicleId: vehicle.id, linkSource: 'manual' as const });
  }
}
