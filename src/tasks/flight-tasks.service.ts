import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransferTask } from './transfer-task.entity';
import { TasksRepository } from './tasks.repository';
import type { FlightTaskShape } from '@apron/flights';

/** The task a flight needs now (null: none), as the flights feature derives it (libs/flights rules). */
export interface FlightTaskWish {
  flightId: string;
  /** The task's flightRef when it is created (e.g. CZ3101-20261208-A). */
  flightRef: string;
  /** A flight created in this transaction has no task yet: no need to look for one. */
  newFlight?: boolean;
  /** The task the flight's rules give (libs/flights), or null when the flight needs none. */
  task: FlightTaskShape | null;
}

export type FlightTaskChange = 'created' | 'moved' | 'resized' | 'stand-changed' | 'cancelled' | 'restored';

export interface FlightTaskOutcome {
  flightId: string;
  taskId: string | null;
  changes: FlightTaskChange[];
  /** The task's window before and after the change, to know whether it touches the planning horizon. */
  windows: { startsAt: Date; endsAt: Date }[];
}

/**
 * Keeps flight-derived tasks in step with their flights: creates, moves, resizes, cancels and restores them; a task
 * that started or is done stays as it is; dispatcher pins and forbids survive (pins trimmed to the buses needed).
 */
@Injectable()
export class FlightTasksService {
  constructor(private readonly repository: TasksRepository) {}

  /** Tasks serving these flights (any status). */
  listForFlights(flightIds: string[], manager?: EntityManager): Promise<TransferTask[]> {
    return this.repository.listByFlights(flightIds, manager);
  }

  /** Applies the wishes inside the caller's transaction; returns what changed per flight (unchanged ones left out). */
  async sync(siteId: string, wishes: FlightTaskWish[], manager: EntityManager): Promise<FlightTaskOutcome[]> {
    const existing = new Map(
      (
        await this.repository.listByFlights(
          wishes.map((wish) => wish.flightId),
          manager,
        )
      ).map((task) => [task.flightId!, task]),
    );
    const outcomes: FlightTaskOutcome[] = [];
    const inserts: Partial<TransferTask>[] = [];
    for (const wish of wishes) {
      const task = existing.get(wish.flightId);
      if (!task && wish.task) {
        inserts.push({ siteId, flightRef: wish.flightRef, flightId: wish.flightId, ...wish.task, status: 'planned' });
        continue;
      }
      if (!task || task.status === 'in_progress' || task.status === 'done') continue;
      const before = { startsAt: task.startsAt, endsAt: task.endsAt };
      const changes = applyWish(task, wish.task);
      if (changes.length === 0) continue;
      await this.repository.save(task, manager);
      outcomes.push({ flightId: wish.flightId, taskId: task.id, changes, windows: [before, task] });
    }
    for (const task of await this.repository.insertMany(inserts, manager)) {
      outcomes.push({ flightId: task.flightId!, taskId: task.id, changes: ['created'], windows: [task] });
    }
    return outcomes;
  }
}

function applyWish(task: TransferTask, wish: FlightTaskWish['task']): FlightTaskChange[] {
  if (!wish) {
    if (task.status !== 'planned') return [];
    task.status = 'cancelled';
    return ['cancelled'];
  }
  const changes: FlightTaskChange[] = [];
  if (task.status === 'cancelled') {
    task.status = 'planned';
    changes.push('restored');
  }
  if (task.startsAt.getTime() !== wish.startsAt.getTime() || task.endsAt.getTime() !== wish.endsAt.getTime()) {
    task.startsAt = wish.startsAt;
    task.endsAt = wish.endsAt;
    changes.push('moved');
  }
  if (task.vehiclesNeeded !== wish.vehiclesNeeded || task.vehicleType !== wish.vehicleType) {
    task.vehiclesNeeded = wish.vehiclesNeeded;
    task.vehicleType = wish.vehicleType;
    task.pinnedVehicles = task.pinnedVehicles.slice(0, wish.vehiclesNeeded);
    changes.push('resized');
  }
  if (task.stand !== wish.stand || task.distanceKm !== wish.distanceKm) {
    task.stand = wish.stand;
    task.distanceKm = wish.distanceKm;
    changes.push('stand-changed');
  }
  return changes;
}
