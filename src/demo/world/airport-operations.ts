/**
 * The airport's ground operations around the virtual depot: the buses drive the tasks the dispatcher board assigns
 * them (read over the API, as a dispatcher's tablet would), draw each task's real energy, come back and plug in with
 * their idTag; each departure and return is reported to the service (task vehicles, task done).
 */
import { VirtualChargePoint } from '../../../libs/simulator/src/charge-point';
import { DepotEvent, DepotPlan, DepotSample, VirtualDepot } from '../../../libs/simulator/src/depot';
import { LoopbackApi } from '../loopback-api';
import { AirportDemoSite, DemoTask } from '../sites/demo-site.types';
import { FlightSchedule } from './flight-schedule';
import { TaskLedger } from './task-ledger';

interface BoardRow {
  flightRef: string;
  vehiclesNeeded: number;
  start: string;
  end: string;
  assigned: { vehicle: string }[];
}

interface DepotClock {
  now(): Date;
  advance(ms: number): Promise<void>;
}

const MINUTE_MS = 60_000;
/** Board window: tasks still running, and those a bus must leave for soon. */
const BOARD_BEHIND_MS = 60 * MINUTE_MS;
const BOARD_AHEAD_MS = 90 * MINUTE_MS;

export class AirportOperations {
  readonly depot: VirtualDepot;
  readonly ledger: TaskLedger;
  private readonly tasks: Map<string, DemoTask>;
  private readonly returnedSoc = new Map<string, number>();
  private consumed = 0;

  constructor(
    private readonly dispatcher: LoopbackApi,
    private readonly siteId: string,
    airport: AirportDemoSite,
    private readonly schedule: FlightSchedule,
    readonly chargePoints: VirtualChargePoint[],
    private readonly clock: DepotClock,
    /** Tasks that end by then are scored. */
    runEnd: Date,
  ) {
    this.tasks = new Map(airport.tasks.map((task) => [task.flightRef, task]));
    this.ledger = new TaskLedger(airport.tasks.filter((task) => task.end.getTime() <= runEnd.getTime()));
    this.depot = new VirtualDepot({
      clock,
      chargePoints,
      departLeadMinutes: airport.departLeadMinutes,
      buses: airport.buses.map((bus) => ({
        id: bus.fleetNumber,
        idTag: bus.idTag,
        batteryKwh: bus.batteryKwh,
        socPercent: bus.socPercent,
        maxChargeKw: bus.maxChargeKw,
        turnaroundMinutes: 5,
      })),
    });
  }

  /** Buses plug in where they are parked. */
  async settle(): Promise<void> {
    await this.report(await this.depot.settle());
  }

  /** Publishes the flight schedule up to its look-ahead. */
  async publishSchedule(): Promise<void> {
    await this.schedule.publish(this.clock.now());
  }

  /** Reads the task board and follows its assignments from now on. */
  async readBoard(): Promise<void> {
    const nowMs = this.clock.now().getTime();
    const from = new Date(nowMs - BOARD_BEHIND_MS).toISOString();
    const to = new Date(nowMs + BOARD_AHEAD_MS).toISOString();
    const page = await this.dispatcher.get<{ items: BoardRow[] }>(
      `/api/v1/sites/${this.siteId}/tasks?from=${from}&to=${to}&limit=500`,
    );
    this.depot.follow(this.planOf(page.items));
  }

  /** One step of `minutes`: buses leave, return and plug in; the depot's chargers are metered every minute. */
  async step(minutes: number): Promise<DepotSample[]> {
    const { events, samples } = await this.depot.step(minutes);
    await this.report(events);
    this.ledger.settleDue(this.clock.now(), (flightRef) => this.depot.servedBy(flightRef).length);
    return samples;
  }

  /** Energy the buses drew on tasks so far, kWh. */
  get consumedKwh(): number {
    return this.consumed;
  }

  /** Buses whose SoC rose again after they came back from a task. */
  busesRechargedAfterTask(): string[] {
    return [...this.returnedSoc].filter(([id, soc]) => this.depot.socPercentOf(id) > soc + 0.5).map(([id]) => id);
  }

  private planOf(rows: BoardRow[]): DepotPlan {
    const known = rows.filter((row) => this.tasks.has(row.flightRef));
    return {
      tasks: known.map((row) => ({
        id: row.flightRef,
        vehiclesNeeded: row.vehiclesNeeded,
        start: row.start,
        end: row.end,
        energyKwhPerVehicle: this.tasks.get(row.flightRef)!.actualEnergyKwhPerVehicle,
      })),
      assignments: known.flatMap((row) => row.assigned.map((a) => ({ taskId: row.flightRef, vehicleId: a.vehicle }))),
      charging: [],
      slotStarts: [],
    };
  }

  /** What a dispatcher records: the buses that left for a task, and the task done once all are back. */
  private async report(events: DepotEvent[]): Promise<void> {
    for (const event of events) {
      if (event.kind === 'departed') {
        this.ledger.departed(event.taskId, event.lateMinutes, event.socPercent);
        await this.dispatcher.put(`/api/v1/tasks/${this.schedule.taskId(event.taskId)}/vehicles`, {
          vehicles: this.depot.servedBy(event.taskId),
        });
      }
      if (event.kind === 'returned') {
        this.consumed += this.tasks.get(event.taskId)?.actualEnergyKwhPerVehicle ?? 0;
        this.returnedSoc.set(event.busId, event.socPercent);
        const stillAway = this.depot.servedBy(event.taskId).some((id) => this.depot.bus(id).where.kind === 'away');
        if (stillAway || !this.ledger.markDone(event.taskId)) continue;
        await this.dispatcher.post(`/api/v1/sites/${this.siteId}/tasks/${this.schedule.taskId(event.taskId)}/done`);
      }
    }
  }
}
