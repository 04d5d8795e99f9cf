import { ConsumptionLearner } from './consumption-learner';
import { ConsumptionDrift, ConsumptionMetric, ConsumptionRecord } from './consumption-types';

/**
 * Vehicles whose learned consumption departs from their own early-life baseline or from the fleet's median for the
 * same task kind by more than `driftThresholdFraction`. Per km when that is trusted (it does not depend on how long
 * the tasks were), else per task.
 */
export function detectConsumptionDrift(learner: ConsumptionLearner, vehicleId?: string): ConsumptionDrift[] {
  const findings: ConsumptionDrift[] = [];
  for (const record of learner.allRecords()) {
    if (vehicleId !== undefined && record.vehicleId !== vehicleId) continue;
    const field = learner.isTrusted(record.kwhPerKm) ? 'kwhPerKm' : 'kwhPerTask';
    const current = record[field];
    if (!learner.isTrusted(current)) continue;
    const metric: ConsumptionMetric = field === 'kwhPerKm' ? 'kwh-per-km' : 'kwh-per-task';
    const baseline = field === 'kwhPerKm' ? record.baselineKwhPerKm : record.baselineKwhPerTask;
    if (baseline.samples >= learner.config.baselineSamples) {
      findings.push(...compare(learner, record, metric, 'own-baseline', current.mean, baseline.mean));
    }
    const fleet = learner.fleetMedian(record.taskKind, field, record.vehicleId);
    if (fleet.value !== null && fleet.vehicles >= learner.config.minFleetVehicles) {
      findings.push(...compare(learner, record, metric, 'fleet', current.mean, fleet.value));
    }
  }
  return findings;
}

function compare(
  learner: ConsumptionLearner,
  record: ConsumptionRecord,
  metric: ConsumptionMetric,
  versus: ConsumptionDrift['versus'],
  currentValue: number,
  referenceValue: number,
): ConsumptionDrift[] {
  if (!(referenceValue > 0)) return [];
  const ratio = currentValue / referenceValue;
  if (Math.abs(ratio - 1) <= learner.config.driftThresholdFraction) return [];
  return [
    { vehicleId: record.vehicleId, taskKind: record.taskKind, metric, versus, currentValue, referenceValue, ratio },
  ];
}
