import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.decorator';
import { CLOCK, Clock } from '../common/clock';
import { FieldError, invalidFields } from '../common/field-errors';
import { SitesService } from '../sites/sites.service';
import { FlightTaskOutcome } from '../tasks/flight-tasks.service';
import { FlightUpdateDto } from './dto/flight-update.dto';
import { FlightEvents } from './flight-events';
import { FlightTaskSync } from './flight-task-sync';
import { Flight } from './persistence/flight.entity';
import { FlightsRepository } from './persistence/flights.repository';
import { StandsRepository } from './persistence/stands.repository';
import { flightChanges, mergeUpdate, updateViolations } from './flight-update-rules';
import { FileWarning, flightKey, flightName } from '@apron/flights';
import { unknownStandWarnings } from './unknown-stands';

export interface UpdateOutcome {
  created: number;
  updated: number;
  unchanged: number;
  warnings: FileWarning[];
  flights: Flight[];
}

/**
 * §8 `POST flights`: live updates upserted by key in one transaction; each flight's task follows at once (moved,
 * cancelled, created, resized), the dispatcher hears why on the stream, and a change in the horizon re-plans now.
 */
@Injectable()
export class FlightUpdatesService {
  constructor(
    private readonly sites: SitesService,
    private readonly flights: FlightsRepository,
    private readonly stands: StandsRepository,
    private readonly sync: FlightTaskSync,
    private readonly events: FlightEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `by`: who posted the updates (the audit records a dispatcher's own), null for none known. */
  async apply(siteId: string, updates: FlightUpdateDto[], by: Actor | null = null): Promise<UpdateOutcome> {
    const site = await this.sites.get(siteId);
    const dates = [...new Set(updates.map((update) => update.operatingDate))];
    const stands = await this.stands.list(siteId);
    const knownStands = new Set(stands.map((stand) => stand.standId));
    const result = await this.flights.transaction(async (manager) => {
      const stored = new Map((await this.flights.onDates(siteId, dates, manager)).map((f) => [flightKey(f), f]));
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      updates.forEach((update, index) => {
        const existing = stored.get(flightKey(update));
        errors.push(...updateViolations(update, existing ?? null, `flights.${index}`));
        if (seen.has(flightKey(update))) {
          errors.push({ field: `flights.${index}`, messages: ['the same flight is twice in the batch'] });
        }
        seen.add(flightKey(update));
      });
      if (errors.length > 0) throw invalidFields(errors);
      const creates: Partial<Flight>[] = [];
      const changed: { flight: Flight; reasons: string[] }[] = [];
      let unchanged = 0;
      for (const update of updates) {
        const existing = stored.get(flightKey(update));
        if (!existing) {
          creates.push(mergeUpdate({ siteId, status: 'scheduled', source: 'feed' } as Flight, update));
          continue;
        }
        const before = { ...existing };
        mergeUpdate(existing, update);
        const reasons = flightChanges(before, existing);
        if (reasons.length === 0) unchanged++;
        else changed.push({ flight: existing, reasons });
      }
      const created = await this.flights.insertMany(creates, manager);
      await this.flights.save(
        changed.map((c) => c.flight),
        manager,
      );
      const all = [...created.map((flight) => ({ flight, reasons: ['new flight'] })), ...changed];
      const outcomes = await this.sync.sync(
        site,
        stands,
        all.map((c) => c.flight),
        manager,
        new Set(created),
      );
      return { created, changed: all, unchanged, outcomes };
    });
    this.tell(siteId, result.changed, result.outcomes, by);
    this.sync.replanIfInHorizon(siteId, result.outcomes);
    const touched = new Map([...result.changed].map((c) => [flightKey(c.flight), c.flight]));
    return {
      created: result.created.length,
      updated: result.changed.length - result.created.length,
      unchanged: result.unchanged,
      warnings: unknownStandWarnings(
        updates.map((update, index) => ({ line: index, stand: update.stand ?? null })),
        knownStands,
        site.defaultStandKind,
      ),
      flights: updates.map((update) => touched.get(flightKey(update)) ?? null).filter((f): f is Flight => f !== null),
    };
  }

  private tell(
    siteId: string,
    changed: { flight: Flight; reasons: string[] }[],
    outcomes: FlightTaskOutcome[],
    by: Actor | null,
  ): void {
    const byFlight = new Map(outcomes.map((outcome) => [outcome.flightId, outcome]));
    const at = this.clock.now().toISOString();
    for (const { flight, reasons } of changed) {
      const outcome = byFlight.get(flight.id);
      this.events.publish({
        type: 'flight.changed',
        siteId,
        flightId: flight.id,
        flight: flightName(flight),
        operatingDate: flight.operatingDate,
        direction: flight.direction,
        reasons,
        taskId: outcome?.taskId ?? null,
        taskChanges: outcome?.changes ?? [],
        by,
        at,
      });
    }
  }
}
