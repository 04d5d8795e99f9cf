import { Injectable, NotFoundException } from '@nestjs/common';
import { assertVersion } from '../common/versioning/if-match';
import { Observable, Subject } from 'rxjs';
import { definedOnly } from '../common/defined-only';
import { invalidFields, nullViolations } from '../common/field-errors';
import { Page } from '../common/pagination';
import { Site, SiteKind } from './site.entity';
import { CreateSiteDto, UpdateSiteDto } from './site.dto';
import { seatTableViolations } from './site-flight-rules.dto';
import { siteRuleViolations } from './site-rules';
import { SitesRepository } from './sites.repository';

/** Only these site fields may be cleared with null (tickSeconds falls back to APRON_TICK_SECONDS). */
const NULLABLE_FIELDS = ['tickSeconds', 'iataCode', 'seatsByAircraftType'];

export interface SiteChange {
  siteId: string;
  change: 'created' | 'updated' | 'removed';
}

@Injectable()
export class SitesService {
  private readonly changeSubject = new Subject<SiteChange>();
  /** Sites created, updated or removed through this service (the scheduler starts a new site's ticks at once). */
  readonly changes$: Observable<SiteChange> = this.changeSubject.asObservable();

  constructor(private readonly repository: SitesRepository) {}

  async create(dto: CreateSiteDto): Promise<Site> {
    const site = { baseLoadKw: 0, demandChargePerKw: 0, departureLeadMinutes: 0, ...dto, tariff: { ...dto.tariff } };
    this.assertRules(site);
    const created = await this.repository.insert(site);
    this.changeSubject.next({ siteId: created.id, change: 'created' });
    return created;
  }

  async get(id: string): Promise<Site> {
    const site = await this.repository.findById(id);
    if (!site) throw new NotFoundException(`Site ${id} not found`);
    return site;
  }

  /** Other features resolve a site named in their input through here (404 when it does not exist). */
  async exists(id: string): Promise<boolean> {
    return (await this.repository.findById(id)) !== null;
  }

  async list(filter: { kind?: SiteKind }, limit: number, offset: number): Promise<Page<Site>> {
    const [items, total] = await this.repository.list(filter, limit, offset);
    return { items, total, limit, offset };
  }

  async update(id: string, dto: UpdateSiteDto, expectedVersion?: number): Promise<Site> {
    const nulls = nullViolations(dto, NULLABLE_FIELDS);
    if (nulls.length > 0) throw invalidFields(nulls);
    const updated = await this.repository.updateLocked(id, (site) => {
      assertVersion(`Site ${id}`, site.version, expectedVersion);
      const merged = Object.assign(site, definedOnly(dto));
      this.assertRules(merged);
      return merged;
    });
    if (!updated) throw new NotFoundException(`Site ${id} not found`);
    this.changeSubject.next({ siteId: id, change: 'updated' });
    return updated;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw new NotFoundException(`Site ${id} not found`);
    this.changeSubject.next({ siteId: id, change: 'removed' });
  }

  private assertRules(site: Pick<Site, 'timeZone' | 'gridLimitKw' | 'baseLoadKw' | 'tariff'>): void {
    const violations = siteRuleViolations(site);
    const seats = seatTableViolations((site as Partial<Site>).seatsByAircraftType);
    if (seats.length > 0) violations.push({ field: 'seatsByAircraftType', messages: seats });
    if (violations.length > 0) throw invalidFields(violations);
  }
}
