/**
 * The airport's flight information system as the demo's source of work (DESIGN.md §8): at the start it gives the site
 * its stand table and posts the day's schedule as an IATA SSIM file; during the day it posts the live feed (delays,
 * stand changes) a while before each flight. The service derives the transfer tasks; this class learns their ids
 * from the flights' `taskIds`.
 */
import { flightTaskRef } from '@apron/flights';
import { flightDaySsim } from '../../../libs/simulator/src/scenarios/flight-day';
import { LoopbackApi } from '../loopback-api';
import { DemoFlight, DemoStand } from '../sites/demo-site.types';

const MINUTE_MS = 60_000;

interface FlightRow {
  carrier: string;
  number: string;
  operatingDate: string;
  direction: 'arrival' | 'departure';
  taskIds: string[];
}

export class FlightSchedule {
  private readonly taskIds = new Map<string, string>();
  private published = false;
  private nextUpdate = 0;
  private readonly updates: DemoFlight[];

  constructor(
    private readonly admin: LoopbackApi,
    /** A flight-feed key: it may post schedules and flight updates, nothing else. */
    private readonly feed: LoopbackApi,
    private readonly siteId: string,
    private readonly stands: DemoStand[],
    private readonly flights: DemoFlight[],
  ) {
    this.updates = flights
      .filter((flight) => flight.update)
      .sort((a, b) => a.update!.at.getTime() - b.update!.at.getTime());
  }

  /** First the stands and the SSIM schedule, later the live updates due by `now`; returns how many flights it sent. */
  async publish(now: Date): Promise<number> {
    if (!this.published) {
      await this.admin.put(`/api/v1/sites/${this.siteId}/stands`, { stands: this.stands });
      await this.feed.postText(
        `/api/v1/sites/${this.siteId}/flight-schedule`,
        'text/plain',
        flightDaySsim(this.flights),
      );
      // SSIM carries no stands or passenger counts: the airport's stand plan and bookings follow on the feed.
      for (let i = 0; i < this.flights.length; i += 1000) {
        const batch = this.flights.slice(i, i + 1000).map(standAndPassengers);
        const response = await this.feed.post<{ flights: FlightRow[] }>(`/api/v1/sites/${this.siteId}/flights`, {
          flights: batch,
        });
        this.learn(response.flights);
      }
      this.published = true;
      return this.flights.length;
    }
    const due: DemoFlight[] = [];
    while (this.nextUpdate < this.updates.length && this.updates[this.nextUpdate].update!.at <= now) {
      due.push(this.updates[this.nextUpdate++]);
    }
    if (due.length === 0) return 0;
    const body = { flights: due.map(updateOf) };
    this.learn((await this.feed.post<{ flights: FlightRow[] }>(`/api/v1/sites/${this.siteId}/flights`, body)).flights);
    return due.length;
  }

  /** The API id of a flight's task. */
  taskId(flightRef: string): string {
    const id = this.taskIds.get(flightRef);
    if (!id) throw new Error(`no task for flight ${flightRef}`);
    return id;
  }

  private learn(rows: FlightRow[]): void {
    for (const row of rows) if (row.taskIds[0]) this.taskIds.set(flightTaskRef(row), row.taskIds[0]);
  }
}

function standAndPassengers(flight: DemoFlight) {
  const { carrier, number, operatingDate, direction, stand, passengers } = flight;
  return { carrier, number, operatingDate, direction, stand, passengers };
}

function updateOf(flight: DemoFlight) {
  const update = flight.update!;
  const estimated = new Date(flight.scheduledTime.getTime() + update.delayMinutes * MINUTE_MS);
  return {
    carrier: flight.carrier,
    number: flight.number,
    operatingDate: flight.operatingDate,
    direction: flight.direction,
    ...(update.delayMinutes > 0 ? { estimatedTime: estimated.toISOString() } : {}),
    ...(update.stand ? { stand: update.stand } : {}),
  };
}
