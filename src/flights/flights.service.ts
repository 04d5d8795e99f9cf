import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../common/clock';
import { invalidFields } from '../common/field-errors';
import { SitesService } from '../sites/sites.service';
import { FlightTasksService } from '../tasks/flight-tasks.service';
import { StandDto } from './dto/flight.dto';
import { FlightTaskSync } from './flight-task-sync';
import { Flight } from './persistence/flight.entity';
import { FlightsRepository } from './persistence/flights.repository';
import { Stand } from './persistence/stand.entity';
import { StandsRepository } from './persistence/stands.repository';
import { delayMinutes, flightName } from '@apron/flights';

/** What the dispatcher's board and the dashboard show of a task's flight. */
export interface TaskFlightSummary {
  flightId: string;
  /** e.g. CZ3101 */
  flight: string;
  direction: 'arrival' | 'departure';
  stand: string | null;
  scheduledTime: string;
  delayMinutes: number;
  status: 'scheduled' | 'cancelled';
}

const DAY_MS = 86_400_000;

/** Stands and flight reads; imports and live updates are ScheduleImportService and FlightUpdatesService. */
@Injectable()
export class FlightsService {
  constructor(
    private readonly sites: SitesService,
    private readonly flights: FlightsRepository,
    private readonly stands: StandsRepository,
    private readonly tasks: FlightTasksService,
    private readonly sync: FlightTaskSync,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async listStands(siteId: string): Promise<Stand[]> {
    await this.sites.get(siteId);
    return this.stands.list(siteId);
  }

  /** Replaces the stand table; the tasks of flights from a day ago on follow the new table at once. */
  async replaceStands(siteId: string, stands: StandDto[]): Promise<Stand[]> {
    const site = await this.sites.get(siteId);
    const seen = new Set<string>();
    const duplicates = stands.filter((stand) => seen.size === seen.add(stand.id).size);
    if (duplicates.length > 0) {
      throw invalidFields([{ field: 'stands', messages: duplicates.map((s) => `stand ${s.id} is listed twice`) }]);
    }
    await this.stands.replace(
      siteId,
      stands.map(({ id, ...rest }) => Object.assign(new Stand(), { siteId, standId: id, ...rest })),
    );
    const upcoming = await this.flights.list(siteId, new Date(this.clock.now().getTime() - DAY_MS));
    const table = await this.stands.list(siteId);
    const outcomes = await this.flights.transaction((manager) => this.sync.sync(site, table, upcoming, manager));
    this.sync.replanIfInHorizon(siteId, outcomes);
    return this.stands.list(siteId);
  }

  /** Flights scheduled in [from, to), each with the ids of the tasks serving it. */
  async list(siteId: string, from?: Date, to?: Date): Promise<{ flight: Flight; taskIds: string[] }[]> {
    await this.sites.get(siteId);
    return this.withTaskIds(await this.flights.list(siteId, from, to));
  }

  async withTaskIds(flights: Flight[]): Promise<{ flight: Flight; taskIds: string[] }[]> {
    const taskIds = new Map<string, string[]>();
    for (const task of await this.tasks.listForFlights(flights.map((flight) => flight.id))) {
      taskIds.set(task.flightId!, [...(taskIds.get(task.flightId!) ?? []), task.id]);
    }
    return flights.map((flight) => ({ flight, taskIds: taskIds.get(flight.id) ?? [] }));
  }

  /** For other features (dispatch board, dashboard): flight, stand and delay by flight id. */
  async summaries(flightIds: (string | null)[]): Promise<Map<string, TaskFlightSummary>> {
    const ids = [...new Set(flightIds.filter((id): id is string => id !== null))];
    const flights = await this.flights.byIds(ids);
    return new Map(
      flights.map((flight) => [
        flight.id,
        {
          flightId: flight.id,
          flight: flightName(flight),
          direction: flight.direction,
          stand: flight.stand,
          scheduledTime: flight.scheduledTime.toISOString(),
          delayMinutes: delayMinutes(flight),
          status: flight.status,
        },
      ]),
    );
  }
}
