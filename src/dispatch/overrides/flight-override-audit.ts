import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { FlightChangedEvent, FlightEvents } from '../../flights/flight-events';
import { OverrideRecorder } from './override-recorder';

/**
 * A flight update a dispatcher posts by hand moves, resizes or cancels a task as a pin or a cancel does: it goes in the
 * override audit with who and why (the airport feed's own updates do not). Written right after the update commits,
 * from its event: the flights feature does not depend on dispatch.
 */
@Injectable()
export class FlightOverrideAudit implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FlightOverrideAudit.name);
  private subscription?: Subscription;

  constructor(
    private readonly flights: FlightEvents,
    private readonly recorder: OverrideRecorder,
  ) {}

  onModuleInit(): void {
    this.subscription = this.flights.events$.subscribe((event) => {
      if (event.type === 'flight.changed' && event.by?.role === 'dispatcher') void this.record(event);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private async record(event: FlightChangedEvent): Promise<void> {
    try {
      await this.recorder.record(
        {
          siteId: event.siteId,
          kind: 'flight-update',
          taskId: event.taskId ?? undefined,
          details: {
            flight: event.flight,
            operatingDate: event.operatingDate,
            direction: event.direction,
            reasons: event.reasons,
            taskChanges: event.taskChanges,
          },
        },
        event.by!,
      );
    } catch (error) {
      this.logger.error(`site ${event.siteId}: audit of ${event.flight} not written: ${(error as Error).message}`);
    }
  }
}
