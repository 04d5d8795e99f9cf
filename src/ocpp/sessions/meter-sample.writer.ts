import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { MeterSampleEvent } from '@apron/ocpp-model';
import { OCPP_CONFIG, OcppConfig } from '../config/ocpp-config';
import { BatchWriter } from '../persistence/batch-writer';
import { MeterSampleInsert, MeterSamplesRepository } from '../persistence/meter-samples.repository';
import { SessionTracker } from './session-tracker';

/**
 * The meter time series: samples are written by multi-row INSERT, together with the energy counters of the sessions
 * they changed, as soon as the batch before them is committed (the samples that arrive meanwhile go together), and
 * `add` resolves when its sample is stored: a charger is answered only for what is stored.
 */
@Injectable()
export class MeterSampleWriter implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly writer: BatchWriter<MeterSampleInsert>;

  constructor(
    private readonly samples: MeterSamplesRepository,
    private readonly tracker: SessionTracker,
    @Inject(OCPP_CONFIG) config: OcppConfig,
  ) {
    this.writer = new BatchWriter(
      'OcppMeterSamples',
      async (rows) => {
        const energy = this.tracker.takeDirty();
        try {
          await this.samples.writeBatch(rows, energy);
        } catch (error) {
          this.tracker.restoreDirty(energy);
          throw error;
        }
      },
      config.flushIntervalMs,
      config.flushMaxRows,
    );
  }

  onApplicationBootstrap(): void {
    this.writer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.writer.stop();
  }

  add(
    chargePointId: string,
    sample: MeterSampleEvent,
    evseId: number | null,
    sessionId: string | null,
    implausible: string | null = null,
  ): Promise<void> {
    return this.writer.addDurable({
      chargePointId,
      evseId,
      sessionId,
      sampledAt: sample.at,
      context: sample.context ?? null,
      energyWh: sample.energyWh ?? null,
      energyExportWh: sample.energyExportWh ?? null,
      powerW: sample.powerW ?? null,
      powerOfferedW: sample.powerOfferedW ?? null,
      socPercent: sample.socPercent ?? null,
      currentA: sample.currentA ?? null,
      currentOfferedA: sample.currentOfferedA ?? null,
      voltageV: sample.voltageV ?? null,
      implausible,
    });
  }

  /** Writes everything buffered so far (the read API calls this so a reader sees what was acknowledged). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  get pendingRows(): number {
    return this.writer.pendingRows;
  }
}
