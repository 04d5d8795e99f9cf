import { Injectable } from '@nestjs/common';
import { Vehicle } from './vehicle.entity';
import { VehiclesService } from './vehicles.service';
import { MAX_PAGE_SIZE } from '../common/pagination';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FRESH_MS = 5000;

/**
 * Vehicles by id, fleet number or idTag through VehiclesService, cached for a few seconds: telemetry batches and
 * meter samples look vehicles up far more often than the fleet changes. A miss reloads once (callers look up each distinct reference once).
 */
@Injectable()
export class VehicleDirectory {
  private byId = new Map<string, Vehicle>();
  private byFleetNumber = new Map<string, Vehicle>();
  private loadedAtMs = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(private readonly vehicles: VehiclesService) {}

  /** A vehicle's id (uuid) or its fleet number. */
  async resolve(ref: string): Promise<Vehicle | null> {
    return this.lookup(() => (UUID.test(ref) ? this.byId.get(ref.toLowerCase()) : this.byFleetNumber.get(ref)));
  }

  async get(id: string): Promise<Vehicle | null> {
    return this.lookup(() => this.byId.get(id));
  }

  /** OCPP idTags are case-insensitive (1.6 CiString20Type): an exact match first, then any case. */
  async findByIdTag(idTag: string): Promise<Vehicle | null> {
    const exact = await this.vehicles.findByIdTag(idTag);
    if (exact) return exact;
    const wanted = idTag.toLowerCase();
    return this.lookup(() => [...this.byId.values()].find((vehicle) => vehicle.idTag?.toLowerCase() === wanted));
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
