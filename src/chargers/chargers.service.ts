import { Injectable, NotFoundException } from '@nestjs/common';
import { assertVersion } from '../common/versioning/if-match';
import { FieldError, invalidFields } from '../common/field-errors';
import { Page } from '../common/pagination';
import { SitesService } from '../sites/sites.service';
import { Charger } from './charger.entity';
import { ChargerCredentialEvents } from './charger-credential-events';
import { CreateChargerDto, UpdateChargerDto } from './charger.dto';
import { chargerPasswordMatches, hashChargerPassword } from './charger-password';
import { nullViolations } from '../common/field-errors';
import { chargerRuleViolations, ChargerShape } from './charger-rules';
import { ChargerColumns, ChargerFilter, ChargersRepository } from './chargers.repository';
import { requestedConnectors } from './connector-input';

const NULLABLE_FIELDS = ['phases', 'voltageV', 'password'] as const;

@Injectable()
export class ChargersService {
  constructor(
    private readonly repository: ChargersRepository,
    private readonly sites: SitesService,
    private readonly credentialEvents: ChargerCredentialEvents,
  ) {}

  async create(dto: CreateChargerDto): Promise<Charger> {
    this.assertNoNulls(dto);
    const columns = {
      chargePointId: dto.chargePointId,
      siteId: dto.siteId,
      currentType: dto.currentType,
      phases: dto.phases ?? null,
      voltageV: dto.voltageV ?? null,
      maxKw: dto.maxKw,
    };
    const connectors = requestedConnectors(dto, dto.maxKw) ?? [];
    this.assertValid({ ...columns, connectors }, await this.siteViolations(dto.siteId));
    const passwordHash = dto.password ? await hashChargerPassword(dto.password) : null;
    return this.repository.insert({ ...columns, passwordHash }, connectors);
  }

  async get(id: string): Promise<Charger> {
    const charger = await this.repository.findById(id);
    if (!charger) throw new NotFoundException(`Charger ${id} not found`);
    return charger;
  }

  async list(filter: ChargerFilter, limit: number, offset: number): Promise<Page<Charger>> {
    const [items, total] = await this.repository.list(filter, limit, offset);
    return { items, total, limit, offset };
  }

  async update(id: string, dto: UpdateChargerDto, expectedVersion?: number): Promise<Charger> {
    this.assertNoNulls(dto);
    // Checked and hashed before the row lock: nothing slow or on another connection inside the transaction.
    const siteErrors = dto.siteId === undefined ? [] : await this.siteViolations(dto.siteId);
    const passwordHash = dto.password ? await hashChargerPassword(dto.password) : dto.password;
    let previousChargePointId: string | undefined;
    const updated = await this.repository.updateLocked(id, (stored) => {
      assertVersion(`Charger ${id}`, stored.version, expectedVersion);
      previousChargePointId = stored.chargePointId;
      const set = this.mergedColumns(stored, dto);
      const connectors = requestedConnectors(dto, set.maxKw);
      this.assertValid({ ...set, connectors: connectors ?? stored.connectors }, siteErrors);
      return { set: passwordHash === undefined ? set : { ...set, passwordHash }, connectors };
    });
    if (!updated) throw new NotFoundException(`Charger ${id} not found`);
    // A connection admitted with the old password or identity must not outlive the change (ISSUE 14).
    if (previousChargePointId !== undefined && previousChargePointId !== updated.chargePointId) {
      this.credentialEvents.publish({ chargePointId: previousChargePointId, change: 'identityChanged' });
    } else if (dto.password !== undefined) {
      this.credentialEvents.publish({ chargePointId: updated.chargePointId, change: 'passwordChanged' });
    }
    return updated;
  }

  async remove(id: string): Promise<void> {
    const chargePointId = await this.repository.delete(id);
    if (chargePointId === null) throw new NotFoundException(`Charger ${id} not found`);
    this.credentialEvents.publish({ chargePointId, change: 'deleted' });
  }

  /** For the OCPP gateway: the charger that connects as `chargePointId`, with its connectors. */
  findByChargePointId(chargePointId: string): Promise<Charger | null> {
    return this.repository.findByChargePointId(chargePointId);
  }

  /**
   * For the OCPP gateway's basic auth (security profiles 1 and 2). False for an unknown charger or one
   * without a password, after the same work as a real check so timing does not reveal which it was.
   */
  async verifyPassword(chargePointId: string, password: string): Promise<boolean> {
    const charger = await this.repository.findByChargePointId(chargePointId);
    return chargerPasswordMatches(password, charger?.passwordHash ?? null);
  }

  listBySite(siteId: string): Promise<Charger[]> {
    return this.repository.listBySite(siteId);
  }

  private mergedColumns(stored: Charger, dto: UpdateChargerDto): Omit<ChargerColumns, 'passwordHash'> {
    const currentType = dto.currentType ?? stored.currentType;
    // Switching to DC drops the AC-only fields unless the request says otherwise (then the rules object).
    const acOnly = (field: 'phases' | 'voltageV') =>
      dto[field] !== undefined ? dto[field] : dto.currentType === 'DC' ? null : stored[field];
    return {
      chargePointId: dto.chargePointId ?? stored.chargePointId,
      siteId: dto.siteId ?? stored.siteId,
      currentType,
      phases: acOnly('phases'),
      voltageV: acOnly('voltageV'),
      maxKw: dto.maxKw ?? stored.maxKw,
    };
  }

  private async siteViolations(siteId: string): Promise<FieldError[]> {
    if (await this.sites.exists(siteId)) return [];
    return [{ field: 'siteId', messages: [`site ${siteId} does not exist`] }];
  }

  private assertNoNulls(body: object): void {
    const violations = nullViolations(body, NULLABLE_FIELDS);
    if (violations.length > 0) throw invalidFields(violations);
  }

  private assertValid(charger: ChargerShape, siteErrors: FieldError[]): void {
    const violations = [...siteErrors, ...chargerRuleViolations(charger)];
    if (violations.length > 0) throw invalidFields(violations);
  }
}
