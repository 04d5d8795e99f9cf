import { Injectable, NotFoundException } from '@nestjs/common';
import { invalidField } from '../common/field-errors';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { canonicalEvccid } from './evccid';
import { VehicleEvccidsRepository } from './vehicle-evccids.repository';
import { Vehicle } from './vehicle.entity';
import { VehiclesService } from './vehicles.service';

export interface IdentifiedVehicle {
  vehicle: Vehicle;
  source: 'id-tag' | 'evccid';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FRESH_MS = 5000;

/**
 * Which fleet vehicle an identifier names: an EVCCID registered to it, else its RFID idTag in any case, or (for people)
 * its id or fleet number. The one answer the OCPP gateway (Authorize, session start), the dispatcher's session links,
 * task assignments, telemetry and SoC tracking all use. The fleet is cached for a few seconds: meter samples and
 * telemetry batches look vehicles up far more often than the fleet changes; a miss reloads once.
 */
@Injectable()
export class VehicleIdentityService {
  private byId = new Map<string, Vehicle>();
  private byFleetNumber = new Map<string, Vehicle>();
  private loadedAtMs = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly vehicles: VehiclesService,
    private readonly evccids: VehicleEvccidsRepository,
  ) {}

  /** The vehicle presenting this idTag or EVCCID at a charger. */
  async byIdentifier(idTag: string): Promise<IdentifiedVehicle | null> {
    const evccid = canonicalEvccid(idTag);
    if (evccid !== null) {
      const vehicleId = await this.evccids.vehicleOf(evccid);
      const vehicle = vehicleId === null ? null : await this.get(vehicleId);
      if (vehicle) return { vehicle, source: 'evccid' };
    }
    // OCPP idTags are case-insensitive (1.6 CiString20Type): an exact match first, then any case.
    const wanted = idTag.toLowerCase();
    const vehicle =
      (await this.vehicles.findByIdTag(idTag)) ??
      (await this.lookup(() => [...this.byId.values()].find((v) => v.idTag?.toLowerCase() === wanted)));
    return vehicle ? { vehicle, source: 'id-tag' } : null;
  }

  /** The gateway's VehicleIdTags (src/ocpp/handlers/id-tag-authorizer.ts), so Authorize agrees with session links. */
  async findByIdTag(idTag: string) {
    const found = await this.byIdentifier(idTag);
    if (!found) return null;
    const { vehicle, source } = found;
    return { id: vehicle.id, siteId: vehicle.siteId, inService: vehicle.inService, linkSource: source };
  }

  /** A vehicle by its id (uuid) or fleet number, as a person names it. */
  resolve(ref: string): Promise<Vehicle | null> {
    return this.lookup(() => (UUID.test(ref) ? this.byId.get(ref.toLowerCase()) : this.byFleetNumber.get(ref)));
  }

  get(id: string): Promise<Vehicle | null> {
    return this.lookup(() => this.byId.get(id));
  }

  async addEvccid(vehicleId: string, evccid: string): Promise<string[]> {
    const vehicle = await this.get(vehicleId);
    if (!vehicle) throw new NotFoundException(`Vehicle ${vehicleId} not found`);
    const canonical = canonicalEvccid(evccid);
    if (canonical === null) {
      throw invalidField('evccid', 'evccid must be 12 hex digits (a MAC), optionally VID:-prefixed');
    }
    await this.evccids.assign(canonical, vehicle.id);
    return this.evccids.listFor(vehicle.id);
  }

  private async lookup(find: () => Vehicle | undefined): Promise<Vehicle | null> {
    if (Date.now() - this.loadedAtMs > FRESH_MS) await this.reload();
    const found = find();
    if (found) return found;
    await this.reload();
    return find() ?? null;
  }

  private reload(): Promise<void> {
    this.loading ??= this.loadAll().finally(() => (this.loading = null));
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    const all: Vehicle[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.vehicles.list({}, MAX_PAGE_SIZE, offset);
      all.push(...page.items);
      if (all.length >= page.total || page.items.length === 0) break;
    }
    this.byId = new Map(all.map((vehicle) => [vehicle.id, vehicle]));
    this.byFleetNumber = new Map(all.map((vehicle) => [vehicle.fleetNumber, vehicle]));
    this.loadedAtMs = Date.now();
  }
}
