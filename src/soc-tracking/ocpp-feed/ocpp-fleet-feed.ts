import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { OcppEventBus, OcppEventEnvelope } from '../../ocpp/events/ocpp-event-bus';
import { SOC_TRACKING_OPTIONS, SocTrackingOptions } from '../common/soc-tracking-options';
import { KeyedSerialQueue } from '../common/keyed-serial-queue';
import { ChargerSocReporting } from './charger-soc-reporting';
import { SessionSocFeeder } from './session-soc-feeder';

/**
 * Subscribes to the gateway's stored events. The subscriber runs on the charger's message path, so it only enqueues:
 * one queue per charge point keeps a charger's events in order, and nothing it does can block or throw into the
 * gateway.
 */
@Injectable()
export class OcppFleetFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OcppFleetFeed.name);
  private readonly queue = new KeyedSerialQueue((key, error) =>
    this.logger.error(`fleet state from ${key} failed: ${String(error)}`),
  );
  private readonly timers = new Set<NodeJS.Timeout>();
  private subscription: Subscription | null = null;

  constructor(
    private readonly bus: OcppEventBus,
    private readonly feeder: SessionSocFeeder,
    private readonly socReporting: ChargerSocReporting,
    @Inject(SOC_TRACKING_OPTIONS) private readonly options: SocTrackingOptions,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.events$.subscribe((envelope) => {
      try {
        this.queue.push(envelope.chargePointId, () => this.handle(envelope));
      } catch (error) {
        this.logger.error(`could not enqueue an event of ${envelope.chargePointId}: ${String(error)}`);
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.queue.idle();
  }

  /** Resolves when every event received so far has been processed. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async handle(envelope: OcppEventEnvelope): Promise<void> {
    if (envelope.event.type === 'charger.booted') {
      this.configureLater(envelope.chargePointId);
      return;
    }
    if (envelope.sessionId !== undefined) await this.feeder.take({ ...envelope, sessionId: envelope.sessionId });
  }

  /** After the BootNotification was answered: a charger must not get requests before it is Accepted. */
  private configureLater(chargePointId: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.socReporting
        .configure(chargePointId)
        .catch((error: unknown) => this.logger.warn(`SoC meter settings for ${chargePointId}: ${String(error)}`));
    }, this.options.bootConfigDelayMs);
    this.timers.add(timer);
  }
}
