import { Injectable, Logger } from '@nestjs/common';
import {
  ConsumptionDrift,
  ConsumptionLearner,
  ConsumptionObservation,
  ConsumptionObserveResult,
  detectConsumptionDrift,
  predictTaskEnergyKwh,
  TaskEnergyFallbacks,
  TaskEnergyPrediction,
  TaskEnergyQuery,
} from '@apron/soc';
import { KeyedSerialQueue } from '../common/keyed-serial-queue';
import { ConsumptionLearnerRepository } from '../persistence/consumption-learner.repository';

const LEARNER_KEY = 'learner';

/** The fleet's one ConsumptionLearner, loaded once and written after every observation. */
@Injectable()
export class ConsumptionModel {
  private readonly logger = new Logger(ConsumptionModel.name);
  private readonly queue = new KeyedSerialQueue((_key, error) =>
    this.logger.error(`consumption learner update failed: ${String(error)}`),
  );
  private learner: ConsumptionLearner | null = null;

  constructor(private readonly repository: ConsumptionLearnerRepository) {}

  observe(observation: ConsumptionObservation): Promise<ConsumptionObserveResult> {
    return this.queue.run(LEARNER_KEY, async () => {
      const learner = await this.load();
      const result = learner.observe(observation);
      if (result.accepted) await this.repository.save(learner.toJSON());
      return result;
    });
  }

  async predict(query: TaskEnergyQuery, fallbacks: TaskEnergyFallbacks): Promise<TaskEnergyPrediction> {
    return predictTaskEnergyKwh(await this.load(), query, fallbacks);
  }

  async drift(vehicleId?: string): Promise<ConsumptionDrift[]> {
    return detectConsumptionDrift(await this.load(), vehicleId);
  }

  private async load(): Promise<ConsumptionLearner> {
    if (this.learner) return this.learner;
    const stored = await this.repository.load();
    this.learner ??= stored ? ConsumptionLearner.fromJSON(stored) : new ConsumptionLearner();
    return this.learner;
  }
}
