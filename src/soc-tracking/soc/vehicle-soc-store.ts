import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { SocAddResult, SocEstimate, SocEstimator, SocEstimatorJson, SocInputEvent, SocReadingEvent } from '@apron/soc';
import { CLOCK, Clock } from '../../common/clock';
import { SOC_TRACKING_OPTIONS, SocTrackingOptions } from '../common/soc-tracking-options';
import { KeyedSerialQueue } from '../common/keyed-serial-queue';
import { SocHistoryRepository } from '../persistence/soc-history.repository';
import { SocStatesRepository } from '../persistence/soc-states.repository';
import { batteryChanged, estimatorOptions, restoreEstimator, VehicleBattery } from './estimator-config';
import { historyPoints } from './history-points';

export interface SocVehicle extends VehicleBattery {
  id: string;
}

/** The estimator's answer, or `invalid` for an input it refused with a RangeError (e.g. SoC outside 0–100). */
export type SocStoreResult = SocAddResult | { accepted: false; reason: 'invalid'; message: string };

const HOUR_MS = 3600_000;

/**
 * One SocEstimator per vehicle, loaded from the database on first use and written back shortly after it changes
 * (and on shutdown). Every change of one vehicle runs in that vehicle's queue, so inputs from chargers, telemetry and
 * tasks never interleave.
 */
@Injectable()
export class VehicleSocStore implements OnModuleDestroy {
  private readonly logger = new Logger(VehicleSocStore.name);
  private readonly estimators = new Map<string, SocEstimator>();
  private readonly dirty = new Set<string>();
  private readonly queue = new KeyedSerialQueue((key, error) =>
    this.logger.error(`SoC update of vehicle ${key} failed: ${String(error)}`),
  );
  private flushTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly states: SocStatesRepository,
    private readonly history: SocHistoryRepository,
    @Inject(SOC_TRACKING_OPTIONS) private readonly options: SocTrackingOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Adds inputs in the vehicle's queue; invalid inputs (RangeError) are refused one by one, never thrown. */
  add(vehicle: SocVehicle, events: SocInputEvent[]): Promise<SocStoreResult[]> {
    return this.queue.run(vehicle.id, async () => {
      const estimator = await this.load(vehicle);
      const results = events.map((event) => addSafely(estimator, event));
      const accepted = events.filter((_, i) => results[i].accepted);
      for (const [i, result] of results.entries()) {
        if (!result.accepted && result.reason !== 'duplicate') {
          this.logger.warn(`vehicle ${vehicle.id}: ${events[i].kind} refused: ${result.message}`);
        }
      }
      if (accepted.length > 0) {
        this.markDirty(vehicle.id);
        await this.history
          .upsert(historyPoints(vehicle.id, estimator, accepted))
          .catch((error: unknown) => this.logger.error(`SoC history of vehicle ${vehicle.id}: ${String(error)}`));
      }
      return results;
    });
  }

  /** Estimates of many vehicles at `atMs`; the estimators not in memory yet are loaded in one read. */
  async estimates(vehicles: SocVehicle[], atMs: number): Promise<Map<string, SocEstimate | null>> {
    const missing = vehicles.filter((vehicle) => !this.estimators.has(vehicle.id)).map((vehicle) => vehicle.id);
    const stored = await this.states.findMany(missing);
    const result = new Map<string, SocEstimate | null>();
    for (const vehicle of vehicles) {
      result.set(
        vehicle.id,
        await this.queue.run(vehicle.id, async () => {
          const estimator = await this.load(vehicle, stored);
          if (estimator.eventCount === 0 && estimator.checkpointMs === null) return null;
          return estimator.estimateAt(Math.max(atMs, estimator.checkpointMs ?? -Infinity));
        }),
      );
    }
    return result;
  }

  readingsBetween(vehicle: SocVehicle, fromMs: number, toMs: number): Promise<SocReadingEvent[]> {
    return this.queue.run(vehicle.id, async () => (await this.load(vehicle)).readingsBetween(fromMs, toMs));
  }

  /** Writes every changed estimator now (after folding events beyond the retention into its checkpoint). */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const id of ids) {
      await this.queue.run(id, async () => {
        const estimator = this.estimators.get(id);
        if (!estimator) return;
        // The service's clock: on a simulated day (npm run demo), wall time would fold in events not yet old.
        estimator.compact(this.clock.now().getTime() - this.options.retentionHours * HOUR_MS);
        try {
          await this.states.save(id, estimator.toJSON());
        } catch (error) {
          this.markDirty(id);
          this.logger.error(`writing the SoC state of vehicle ${id} failed, will retry: ${String(error)}`);
        }
      });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.idle();
    for (let round = 0; round < 3 && this.dirty.size > 0; round++) await this.flush();
    // After this the database closes: a change arriving later (a request still in flight) stays in memory, and no
    // timer may keep retrying against a closed connection (seen as an endless 'Driver not Connected' loop).
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  /** `preloaded`: stored estimators read already (a vehicle absent from it has none stored, unless read anew). */
  private async load(vehicle: SocVehicle, preloaded?: Map<string, SocEstimatorJson>): Promise<SocEstimator> {
    let estimator = this.estimators.get(vehicle.id);
    if (estimator && batteryChanged(estimator, vehicle)) {
      estimator = restoreEstimator(estimator.toJSON(), vehicle) ?? undefined;
      this.markDirty(vehicle.id);
    }
    if (!estimator) {
      const stored = preloaded ? (preloaded.get(vehicle.id) ?? null) : await this.states.find(vehicle.id);
      estimator = restoreEstimator(stored, vehicle) ?? undefined;
      if (!estimator) {
        this.logger.error(`vehicle ${vehicle.id}: stored SoC state unreadable, starting afresh`);
        estimator = new SocEstimator(estimatorOptions(vehicle));
      }
    }
    this.estimators.set(vehicle.id, estimator);
    return estimator;
  }

  private markDirty(vehicleId: string): void {
    this.dirty.add(vehicleId);
    if (this.closed) return;
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      this.flush().catch((error: unknown) => this.logger.error(`writing SoC states failed: ${String(error)}`));
    }, this.options.persistDelayMs);
    this.flushTimer.unref();
  }
}

function addSafely(estimator: SocEstimator, event: SocInputEvent): SocStoreResult {
  try {
    return estimator.add(event);
  } catch (error) {
    return { accepted: false, reason: 'invalid', message: String(error) };
  }
}
