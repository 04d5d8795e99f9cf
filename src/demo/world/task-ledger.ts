/**
 * The airport's score card: once a task has ended it counts as served on time (all its buses left by its start),
 * served late, or missed (short of buses).
 */
import { DemoTask } from '../sites/demo-site.types';

interface TaskRecord {
  task: DemoTask;
  departures: number;
  lateMinutes: number;
  outcome?: 'on-time' | 'late' | 'missed';
  done: boolean;
}

export interface TaskCounts {
  total: number;
  /** Tasks whose end has passed. */
  due: number;
  onTime: number;
  late: number;
  missed: number;
  /** Buses that left for a task below the 20 % reserve. */
  departuresBelowReserve: number;
  /** The most minutes a bus left after its task's start. */
  worstLateMinutes: number;
}

const RESERVE_PERCENT = 20;

export class TaskLedger {
  private readonly records = new Map<string, TaskRecord>();
  private belowReserve = 0;

  constructor(tasks: DemoTask[]) {
    for (const task of tasks) this.records.set(task.flightRef, { task, departures: 0, lateMinutes: 0, done: false });
  }

  departed(flightRef: string, lateMinutes: number, socPercent: number): void {
    const record = this.records.get(flightRef);
    if (!record) return;
    record.departures += 1;
    record.lateMinutes = Math.max(record.lateMinutes, lateMinutes);
    if (socPercent < RESERVE_PERCENT) this.belowReserve += 1;
  }

  /** True the first time: the task is done and should be reported so. */
  markDone(flightRef: string): boolean {
    const record = this.records.get(flightRef);
    if (!record || record.done) return false;
    record.done = true;
    return true;
  }

  /** Scores every task that has ended by `now`. */
  settleDue(now: Date, servedBy: (flightRef: string) => number): void {
    for (const record of this.records.values()) {
      if (record.outcome || record.task.end.getTime() > now.getTime()) continue;
      const served = servedBy(record.task.flightRef) >= record.task.vehiclesNeeded;
      record.outcome = !served ? 'missed' : record.lateMinutes > 0 ? 'late' : 'on-time';
    }
  }

  /** Tasks with at least one bus assigned by a plan and gone (or back). */
  get tasksStarted(): number {
    return [...this.records.values()].filter((r) => r.departures > 0).length;
  }

  counts(): TaskCounts {
    const records = [...this.records.values()];
    const outcome = (o: TaskRecord['outcome']) => records.filter((r) => r.outcome === o).length;
    return {
      total: records.length,
      due: records.filter((r) => r.outcome).length,
      onTime: outcome('on-time'),
      late: outcome('late'),
      missed: outcome('missed'),
      departuresBelowReserve: this.belowReserve,
      worstLateMinutes: records.reduce((worst, r) => Math.max(worst, r.lateMinutes), 0),
    };
  }
}
