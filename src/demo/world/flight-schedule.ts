/**
 * The airport's flight schedule as operations publish it: each transfer task is created through the admin API a
 * fixed time ahead of its start (default 24 h), so the planner's rolling horizon always sees a full day of work,
 * as it would at a real airport, also near the end of the simulated day.
 */
import { LoopbackApi } from '../loopback-api';
import { DemoTask } from '../sites/demo-site.types';

export class FlightSchedule {
  private readonly taskIds = new Map<string, string>();
  private next = 0;

  constructor(
    private readonly admin: LoopbackApi,
    private readonly siteId: string,
    /** Sorted by start. */
    private readonly tasks: DemoTask[],
    readonly aheadMs: number,
  ) {}

  /** Creates every task starting before `now` + the look-ahead that is not created yet; returns how many. */
  async publish(now: Date): Promise<number> {
    const untilMs = now.getTime() + this.aheadMs;
    let created = 0;
    while (this.next < this.tasks.length && this.tasks[this.next].start.getTime() < untilMs) {
      const task = this.tasks[this.next];
      const { id } = await this.admin.post<{ id: string }>('/api/v1/tasks', {
        siteId: this.siteId,
        flightRef: task.flightRef,
        vehicleType: 'apron-bus',
        vehiclesNeeded: task.vehiclesNeeded,
        start: task.start.toISOString(),
        end: task.end.toISOString(),
        energyKwhPerVehicle: task.energyKwhPerVehicle,
        distanceKm: task.distanceKm,
      });
      this.taskIds.set(task.flightRef, id);
      this.next += 1;
      created += 1;
    }
    return created;
  }

  /** The API id of a published task. */
  taskId(flightRef: string): string {
    const id = this.taskIds.get(flightRef);
    if (!id) throw new Error(`task ${flightRef} is not published`);
    return id;
  }
}
