import { Inject, Injectable } from '@nestjs/common';
import { SocInputEvent } from '@apron/soc';
import { Vehicle } from '../../fleet/vehicle.entity';
import { CLOCK, Clock } from '../../common/clock';
import { SOC_TRACKING_OPTIONS, SocTrackingOptions } from '../common/soc-tracking-options';
import { VehicleIdentityService } from '../../fleet/vehicle-identity.service';
import { TelemetryReadingsRepository } from '../persistence/telemetry-readings.repository';
import { VehicleSocStore } from '../soc/vehicle-soc-store';
import { TelemetryItemError, validateTelemetryReading, ValidTelemetryReading } from './telemetry-reading-rules';

export interface TelemetryOutcome {
  accepted: number;
  duplicates: number;
  rejected: TelemetryItemError[];
}

/**
 * Telematics batches: each reading checked on its own, stored once per (vehicle, time) in any order, and its SoC fused
 * into the vehicle's estimator (which orders inputs by their own time).
 */
@Injectable()
export class TelemetryService {
  constructor(
    private readonly directory: VehicleIdentityService,
    private readonly readings: TelemetryReadingsRepository,
    private readonly store: VehicleSocStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_TRACKING_OPTIONS) private readonly options: SocTrackingOptions,
  ) {}

  async ingest(items: unknown[]): Promise<TelemetryOutcome> {
    const nowMs = this.clock.now().getTime();
    const rejected: TelemetryItemError[] = [];
    const valid: ValidTelemetryReading[] = [];
    items.forEach((item, index) => {
      const result = validateTelemetryReading(item, index, nowMs, this.options.maxClockSkewSeconds);
      if ('errors' in result) rejected.push(...result.errors);
      else valid.push(result.reading);
    });

    const vehicles = await this.resolveVehicles(valid.map((reading) => reading.vehicle));
    const known: { reading: ValidTelemetryReading; vehicle: Vehicle }[] = [];
    for (const reading of valid) {
      const vehicle = vehicles.get(reading.vehicle);
      if (vehicle) known.push({ reading, vehicle });
      else rejected.push({ index: reading.index, field: 'vehicle', message: `unknown vehicle ${reading.vehicle}` });
    }

    const stored = await this.readings.insertNew(
      known.map(({ reading, vehicle }) => ({
        vehicleId: vehicle.id,
        at: reading.at,
        socPercent: reading.socPercent,
        odometerKm: reading.odometerKm,
        latitude: reading.latitude,
        longitude: reading.longitude,
        state: reading.state,
      })),
    );
    let accepted = 0;
    let duplicates = 0;
    const counted = new Set<string>();
    const socByVehicle = new Map<string, { vehicle: Vehicle; events: SocInputEvent[] }>();
    for (const { reading, vehicle } of known) {
      const key = `${vehicle.id}@${reading.at.toISOString()}`;
      if (!stored.has(key) || counted.has(key)) {
        duplicates++;
        continue;
      }
      counted.add(key);
      accepted++;
      if (reading.socPercent === null) continue;
      const entry = socByVehicle.get(vehicle.id) ?? { vehicle, events: [] };
      entry.events.push({
        kind: 'reading',
        source: 'telematics',
        atMs: reading.at.getTime(),
        socPercent: reading.socPercent,
      });
      socByVehicle.set(vehicle.id, entry);
    }
    for (const { vehicle, events } of socByVehicle.values()) await this.store.add(vehicle, events);
    rejected.sort((a, b) => a.index - b.index);
    return { accepted, duplicates, rejected };
  }

  private async resolveVehicles(refs: string[]): Promise<Map<string, Vehicle>> {
    const resolved = new Map<string, Vehicle>();
    for (const ref of new Set(refs)) {
      const vehicle = await this.directory.resolve(ref);
      if (vehicle) resolved.set(ref, vehicle);
    }
    return resolved;
  }
}
