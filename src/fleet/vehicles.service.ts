import { Injectable, NotFoundException } from '@nestjs/common';
import { assertVersion } from '../common/versioning/if-match';
import { definedOnly } from '../common/defined-only';
import { FieldError, invalidFields } from '../common/field-errors';
import { Page } from '../common/pagination';
import { SitesService } from '../sites/sites.service';
import { Vehicle } from './vehicle.entity';
import { CreateVehicleDto, UpdateVehicleDto } from './vehicle.dto';
import { socViolations, vehicleNullViolations } from './vehicle-rules';
import { VehicleFilter, VehiclesRepository } from './vehicles.repository';

// DESIGN §5 defaults; turnaroundMinutes keeps the column default of 5.
const DEFAULTS = {
  minSocPercent: 20,
  maxSocPercent: 100,
  chargeEfficiency: 1,
  turnaroundMinutes: 5,
  inService: true,
  idleDrainKwhPerHour: 0,
};

@Injectable()
export class VehiclesService {
  constructor(
    private readonly repository: VehiclesRepository,
    private readonly sites: SitesService,
  ) {}

  async create(dto: CreateVehicleDto): Promise<Vehicle> {
    const vehicle = {
      ...DEFAULTS,
      consumptionKwhPerKm: null,
      consumptionKwhPerTask: null,
      idTag: null,
      ...definedOnly(dto),
    };
    this.assertValid([
      ...vehicleNullViolations(dto),
      ...(await this.siteViolations(dto.siteId)),
      ...socViolations(vehicle),
    ]);
    return this.repository.insert(vehicle);
  }

  async get(id: string): Promise<Vehicle> {
    const vehicle = await this.repository.findById(id);
    if (!vehicle) throw new NotFoundException(`Vehicle ${id} not found`);
    return vehicle;
  }

  async list(filter: VehicleFilter, limit: number, offset: number): Promise<Page<Vehicle>> {
    const [items, total] = await this.repository.list(filter, limit, offset);
    return { items, total, limit, offset };
  }

  async update(id: string, dto: UpdateVehicleDto, expectedVersion?: number): Promise<Vehicle> {
    this.assertValid(vehicleNullViolations(dto));
    // Before the row lock: no query on another connection inside the transaction (FACTS.md, PGlite).
    const siteErrors = dto.siteId === undefined ? [] : await this.siteViolations(dto.siteId);
    const updated = await this.repository.updateLocked(id, (vehicle) => {
      assertVersion(`Vehicle ${id}`, vehicle.version, expectedVersion);
      const merged = Object.assign(vehicle, definedOnly(dto));
      this.assertValid([...siteErrors, ...socViolations(merged, dto)]);
      return merged;
    });
    if (!updated) throw new NotFoundException(`Vehicle ${id} not found`);
    return updated;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundException(`Vehicle ${id} not found`);
  }

  /** For the OCPP gateway: the vehicle presenting this RFID idTag / idToken at a charger. */
  findByIdTag(idTag: string): Promise<Vehicle | null> {
    return this.repository.findByIdTag(idTag);
  }

  listBySite(siteId: string): Promise<Vehicle[]> {
    return this.repository.listBySite(siteId);
  }

  private async siteViolations(siteId: string): Promise<FieldError[]> {
    if (await this.sites.exists(siteId)) return [];
    return [{ field: 'siteId', messages: [`site ${siteId} does not exist`] }];
  }

  private assertValid(violations: FieldError[]): void {
    if (violations.length > 0) throw invalidFields(violations);
  }
}
