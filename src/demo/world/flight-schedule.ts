/**
 * The airport's flight information system as the demo's source of work (DESIGN.md §8): at the start it gives the site
 * its stand table and posts the day's schedule as an IATA SSIM file; during the day it posts the live feed (delays,
 * stand changes) a while before each flight. The service derives the transfer tasks; this class learns their ids
 * from the flights' `taskIds`.
 */
import { ssimFile, SsimLegSpec } from '../../flights/schedule/ssim-writer';
import { flightTaskRef } from '../../flights/site-flight-rules';
import { LoopbackApi } from '../loopback-api';
import { DemoFlight, DemoStand } from '../sites/demo-site.types';

const MINUTE_MS = 60_000;
const LOCAL_OFFSET_MS = 8 * 60 * MINUTE_MS;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const OTHER_AIRPORTS = ['PEK', 'PVG', 'CTU', 'XIY', 'KMG', 'HGH', 'WUH', 'CKG'];
/** Demo flights take 2.5 h between CAN and the other airport (all UTC+8). */
const BLOCK_MINUTES = 150;

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
      await this.feed.postText(`/api/v1/sites/${this.siteId}/flight-schedule`, 'text/plain', this.ssim());
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

  /** One leg record per flight, its period of operation the flight's own date (local times, UTC+8). */
  private ssim(): string {
    return ssimFile(
      'CZ',
      'L',
      this.flights.map((flight, index) => legOf(flight, OTHER_AIRPORTS[index % OTHER_AIRPORTS.length])),
    );
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

function legOf(flight: DemoFlight, other: string): SsimLegSpec {
  const atCanMs = flight.scheduledTime.getTime();
  const departureMs = flight.direction === 'arrival' ? atCanMs - BLOCK_MINUTES * MINUTE_MS : atCanMs;
  const arrivalMs = departureMs + BLOCK_MINUTES * MINUTE_MS;
  const date = ssimDate(flight.operatingDate);
  const weekday = ((new Date(`${flight.operatingDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const arrivalVariation = localDay(arrivalMs) - localDay(departureMs);
  return {
    carrier: flight.carrier,
    number: Number(flight.number),
    periodFrom: date,
    periodTo: date,
    days: ' '.repeat(weekday - 1) + String(weekday),
    from: flight.direction === 'arrival' ? other : 'CAN',
    departure: localClock(departureMs),
    departureOffset: '+0800',
    to: flight.direction === 'arrival' ? 'CAN' : other,
    arrival: localClock(arrivalMs),
    arrivalOffset: '+0800',
    aircraftType: flight.aircraftType,
    arrivalDateVariation: String(arrivalVariation),
  };
}

function localDay(ms: number): number {
  return Math.floor((ms + LOCAL_OFFSET_MS) / (1440 * MINUTE_MS));
}

function localClock(ms: number): string {
  return new Date(ms + LOCAL_OFFSET_MS).toISOString().slice(11, 16).replace(':', '');
}

function ssimDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}${MONTHS[Number(isoDate.slice(5, 7)) - 1]}${isoDate.slice(2, 4)}`;
}
