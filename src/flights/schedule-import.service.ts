import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../common/clock';
import { invalidField } from '../common/field-errors';
import { SitesService } from '../sites/sites.service';
import { FlightEvents } from './flight-events';
import { FlightTaskSync } from './flight-task-sync';
import { Flight } from './persistence/flight.entity';
import { FlightsRepository } from './persistence/flights.repository';
import { StandsRepository } from './persistence/stands.repository';
import {
  FileError,
  FileWarning,
  flightKey,
  ParsedSchedule,
  parseFlightCsv,
  parseSsim,
  ScheduledFlight,
} from '@apron/flights';
import { unknownStandWarnings } from './unknown-stands';

export type ScheduleFormat = 'ssim' | 'csv';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  cancelled: number;
  warnings: FileWarning[];
}

/**
 * §8 `POST flight-schedule`: parse (pure), then in one transaction create new flights, update changed ones, cancel
 * the file's carriers' flights in its dates that it no longer has, and bring their tasks in step. Unchanged flights
 * and their tasks (with dispatcher pins) are not touched, so re-importing a file changes nothing.
 */
@Injectable()
export class ScheduleImportService {
  constructor(
    private readonly sites: SitesService,
    private readonly flights: FlightsRepository,
    private readonly stands: StandsRepository,
    private readonly sync: FlightTaskSync,
    private readonly events: FlightEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async import(
    siteId: string,
    text: string,
    format: ScheduleFormat,
    from?: string,
    to?: string,
  ): Promise<ImportSummary> {
    const site = await this.sites.get(siteId);
    if (format === 'ssim' && !site.iataCode) {
      throw invalidField('iataCode', "set the site's iataCode first: only legs at that airport become flights");
    }
    const bounds = { station: site.iataCode ?? '', from, to };
    const parsed = format === 'ssim' ? parseSsim(text, bounds) : parseFlightCsv(text, bounds);
    if (parsed.errors.length > 0) throw fileErrors(parsed.errors);
    const stands = await this.stands.list(siteId);
    const knownStands = new Set(stands.map((stand) => stand.standId));
    const warnings = [...parsed.warnings, ...unknownStandWarnings(parsed.flights, knownStands, site.defaultStandKind)];
    const result = await this.flights.transaction(async (manager) => {
      const stored = parsed.range
        ? await this.flights.inDates(siteId, parsed.range.from, parsed.range.to, parsed.carriers, manager)
        : [];
      const diff = diffSchedule(siteId, parsed, stored);
      const created = await this.flights.insertMany(diff.created, manager);
      await this.flights.save([...diff.updated, ...diff.cancelled], manager);
      const all = [...created, ...diff.updated, ...diff.cancelled];
      const outcomes = await this.sync.sync(site, stands, all, manager, new Set(created));
      return { diff, created, outcomes };
    });
    const summary = {
      created: result.created.length,
      updated: result.diff.updated.length,
      unchanged: result.diff.unchanged,
      cancelled: result.diff.cancelled.length,
    };
    this.events.publish({
      type: 'flights.imported',
      siteId,
      ...summary,
      tasksChanged: result.outcomes.length,
      at: this.clock.now().toISOString(),
    });
    this.sync.replanIfInHorizon(siteId, result.outcomes);
    return { ...summary, warnings };
  }
}

interface ScheduleDiff {
  created: Partial<Flight>[];
  updated: Flight[];
  cancelled: Flight[];
  unchanged: number;
}

/** What the file changes against the stored flights; only fields the file states are compared. */
function diffSchedule(siteId: string, parsed: ParsedSchedule, stored: Flight[]): ScheduleDiff {
  const byKey = new Map(stored.map((flight) => [flightKey(flight), flight]));
  const diff: ScheduleDiff = { created: [], updated: [], cancelled: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const flight of parsed.flights) {
    const existing = byKey.get(flightKey(flight));
    seen.add(flightKey(flight));
    if (!existing) diff.created.push(newFlight(siteId, flight));
    else if (mergeSchedule(existing, flight)) diff.updated.push(existing);
    else diff.unchanged++;
  }
  for (const flight of stored) {
    if (seen.has(flightKey(flight)) || flight.source !== 'schedule' || flight.status === 'cancelled') continue;
    flight.status = 'cancelled';
    diff.cancelled.push(flight);
  }
  return diff;
}

function newFlight(siteId: string, flight: ScheduledFlight): Partial<Flight> {
  const { line: _line, ...fields } = flight;
  return { siteId, ...fields, estimatedTime: null, actualTime: null, status: 'scheduled', source: 'schedule' };
}

/** Copies what the file states onto the stored flight; true when something changed. Live fields stay. */
function mergeSchedule(stored: Flight, flight: ScheduledFlight): boolean {
  let changed = false;
  if (stored.scheduledTime.getTime() !== flight.scheduledTime.getTime()) {
    stored.scheduledTime = flight.scheduledTime;
    changed = true;
  }
  for (const field of ['aircraftType', 'seats', 'serviceType', 'stand', 'passengers'] as const) {
    const value = flight[field];
    if (value === null || stored[field] === value) continue;
    (stored as unknown as Record<string, unknown>)[field] = value;
    changed = true;
  }
  return changed;
}

/** §8: a file with errors is rejected whole, each bad line named (the 400 also carries `fields` like every 400). */
function fileErrors(errors: FileError[]): BadRequestException {
  const shown = errors.slice(0, 1000);
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `The schedule file has ${errors.length} error(s); nothing was imported`,
    errors: shown,
    fields: [{ field: 'body', messages: shown.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`) }],
  });
}
