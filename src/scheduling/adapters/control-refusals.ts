import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { CLOCK, Clock } from '../../common/clock';
import { ChargerCallError, CommandOutcome } from '../../ocpp/commands/charger-commands';
import { OcppEventBus } from '../../ocpp/events/ocpp-event-bus';
import { SCHEDULING_OPTIONS, SchedulingOptions } from '../scheduling-options';

/** A charger that refused Apron's charging profiles: planned as an uncontrolled load until it accepts one again. */
export interface ControlRefusal {
  chargePointId: string;
  /** The charger's answer: `Rejected`, or the CALLERROR code (`NotImplemented`, `NotSupported`, ...). */
  reason: string;
  since: Date;
  /** When Apron asks again; brought forward to now when the charger reconnects. */
  retryAt: Date;
}

/**
 * Why a SetChargingProfile did not take, when the charger itself refused it: a `Rejected` answer or a CALLERROR.
 * A timeout or a lost connection is not a refusal (the charger may obey once it is reachable): undefined.
 */
export function refusalReason(answer: { outcome: CommandOutcome } | { error: unknown }): string | undefined {
  if ('outcome' in answer) return answer.outcome.accepted ? undefined : answer.outcome.status;
  return answer.error instanceof ChargerCallError ? answer.error.errorCode : undefined;
}

/**
 * Chargers that do not obey (issue 15), kept per instance in memory (src/ocpp/README.md): they survive ticks,
 * are forgotten when the charger boots (its next profiles are the retry), and are due for a retry after
 * `controlRetryMinutes` or when the charger reconnects without a boot.
 */
@Injectable()
export class ControlRefusals implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ControlRefusals.name);
  private readonly refusals = new Map<string, ControlRefusal>();
  private subscription?: Subscription;

  constructor(
    private readonly events: OcppEventBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEDULING_OPTIONS) private readonly options: Pick<SchedulingOptions, 'controlRetryMinutes'>,
  ) {}

  onModuleInit(): void {
    this.subscription = this.events.events$.subscribe(({ event, chargePointId }) => {
      if (event.type === 'charger.booted') this.refusals.delete(chargePointId);
      else if (event.type === 'charger.connected') this.retryNow(chargePointId);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Records a refusal; a charger refusing again keeps its first `since` and waits a whole retry interval. */
  refused(chargePointId: string, reason: string, now: Date): void {
    const previous = this.refusals.get(chargePointId);
    const retryAt = new Date(now.getTime() + this.options.controlRetryMinutes * 60_000);
    if (!previous) this.logger.warn(`${chargePointId} refuses Apron's charging profiles (${reason})`);
    this.refusals.set(chargePointId, { chargePointId, reason, since: previous?.since ?? now, retryAt });
  }

  /** The charger accepted a profile again: it is controllable. */
  obeyed(chargePointId: string): void {
    if (this.refusals.delete(chargePointId))
      this.logger.log(`${chargePointId} accepts Apron's charging profiles again`);
  }

  refusalOf(chargePointId: string): ControlRefusal | undefined {
    return this.refusals.get(chargePointId);
  }

  isRetryDue(chargePointId: string, now: Date): boolean {
    const refusal = this.refusals.get(chargePointId);
    return refusal !== undefined && refusal.retryAt.getTime() <= now.getTime();
  }

  private retryNow(chargePointId: string): void {
    const refusal = this.refusals.get(chargePointId);
    if (refusal) this.refusals.set(chargePointId, { ...refusal, retryAt: this.clock.now() });
  }
}
