import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { OcppEventBus, OcppEventEnvelope } from '../../ocpp/events/ocpp-event-bus';
import { FLEET_STATE_OPTIONS, FleetStateOptions } from '../common/fleet-state-options';
import { KeyedSerialQueue } from '../common/keyed-serial-queue';
import { ChargerSocReporting } from './charger-soc-reporting';
import { SessionSocFeeder, SessionSource } from './session-soc-feeder';

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
    @Inject(FLEET_STATE_OPTIONS) private readonly options: FleetStateOptions,
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

  /** Runs `job` in the charge point's queue, after the events received so far (e.g. a manual link). */
  inChargePointQueue<T>(chargePointId: string, job: () => Promise<T>): Promise<T> {
    return this.queue.run(chargePointId, job);
  }

  /** Resolves when every event received so far has been processed. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async handle(envelope: OcppEventEnvelope): Promise<void> {
    const { event } = envelope;
    if (event.type === 'charger.booted') {
      this.configureLater(envelope.chargePointId);
      return;
    }
    if (envelope.sessionId === undefined) return;
    const source: SessionSource = {
      sessionId: envelope.sessionId,
      chargePointId: envelope.chargePointId,
      siteId: envelope.siteId,
    };
    switch (event.type) {
      case 'session.started':
        return this.feeder.started(source, event);
      case 'session.updated':
        return this.feeder.updated(source, event);
      case 'meter.sample':
        return this.feeder.sample(source, event);
      case 'session.ended':
        return this.feeder.ended(source, event);
      case 'ev.chargingNeeds':
        // ISO 15118 vehicles state their SoC in their charging needs (K15): a charger reading like a meter sample's.
        if (event.socPercent === undefined) return;
        return this.feeder.sample(source, {
          type: 'meter.sample',
          at: envelope.receivedAt,
          socPercent: event.socPercent,
        });
      default:
        return;
    }
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
