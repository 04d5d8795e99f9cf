import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../common/clock';
import { SiteTickService } from '../scheduling/site-tick.service';
import type { Site } from '../sites/site.entity';
import { FlightTaskOutcome, FlightTasksService, FlightTaskWish } from '../tasks/flight-tasks.service';
import { Flight } from './persistence/flight.entity';
import { Stand } from './persistence/stand.entity';
import { flightTask, flightTaskRef } from '@apron/flights';
import { siteFlightRules, standTable } from './site-flight-rules';

const HOUR_MS = 3_600_000;

/** Flights -> their tasks (through the tasks feature), and a re-plan when a task in the horizon changed. */
@Injectable()
export class FlightTaskSync {
  private readonly logger = new Logger(FlightTaskSync.name);

  constructor(
    private readonly tasks: FlightTasksService,
    private readonly ticks: SiteTickService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Derives each flight's task and applies it in the caller's transaction; the outcomes of changed tasks. `created`:
   * flights inserted in this transaction (they have no task to look up). Reads nothing outside `manager`: on the
   * embedded database a query on another connection inside a transaction waits forever (FACTS.md, PGlite); the caller
   * reads the stand table before its transaction.
   */
  async sync(
    site: Site,
    stands: Stand[],
    flights: Flight[],
    manager: EntityManager,
    created = new Set<Flight>(),
  ): Promise<FlightTaskOutcome[]> {
    if (flights.length === 0) return [];
    const table = standTable(stands);
    const rules = siteFlightRules(site);
    const wishes: FlightTaskWish[] = flights.map((flight) => ({
      flightId: flight.id,
      flightRef: flightTaskRef(flight),
      newFlight: created.has(flight),
      task: flightTask(flight, table, rules).task,
    }));
    return this.tasks.sync(site.id, wishes, manager);
  }

  /** After the commit: re-plan now when a changed task (before or after the change) overlaps the plan's horizon. */
  replanIfInHorizon(siteId: string, outcomes: FlightTaskOutcome[]): boolean {
    const nowMs = this.clock.now().getTime();
    const endMs = nowMs + this.ticks.horizonHours * HOUR_MS;
    const touches = outcomes.some((outcome) =>
      outcome.windows.some((window) => window.endsAt.getTime() > nowMs && window.startsAt.getTime() < endMs),
    );
    if (!touches) return false;
    void this.ticks.requestTick(siteId, 'flight-update').then((outcome) => {
      if (!outcome.ran) this.logger.warn(`site ${siteId}: re-plan after a flight update skipped: ${outcome.reason}`);
    });
    return true;
  }
}
