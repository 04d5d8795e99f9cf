import type { RunKpis, StepRecord, TaskState } from './evaluation-types';

export interface KpiInput {
  policy: string;
  gridLimitKw: number;
  stepMinutes: number;
  steps: readonly StepRecord[];
  tasks: readonly TaskState[];
  lowestSocPercent: number;
  publicRequiredKwh: number;
  publicUndeliveredKwh: number;
  solveMs: readonly number[];
  fleetEnergyChangeKwh: number;
  /** Lowest price of the tariff (currency/kWh) and the fleet's mean charging efficiency. */
  refillPricePerKwh: number;
  refillEfficiency: number;
}

/** Per-run KPIs from the step records and final task states (money in the tariff's currency). */
export function computeKpis(input: KpiInput): RunKpis {
  const hours = input.stepMinutes / 60;
  const count = (status: TaskState['status']) => input.tasks.filter((task) => task.status === status).length;
  const tasksOnTime = count('onTime');
  const energyCost = sum(input.steps.map((step) => step.chargingKw * hours * step.pricePerKwh));
  const overSteps = input.steps.filter((step) => step.gridKw > step.gridLimitKw + 1e-6).length;
  return {
    policy: input.policy,
    gridLimitKw: input.gridLimitKw,
    tasks: input.tasks.length,
    tasksOnTime,
    tasksOnTimePercent: input.tasks.length === 0 ? 100 : (100 * tasksOnTime) / input.tasks.length,
    tasksDelayed: count('delayed'),
    tasksUnserved: count('unserved') + count('open'),
    lowestSocPercent: input.lowestSocPercent,
    publicRequiredKwh: input.publicRequiredKwh,
    publicUndeliveredKwh: input.publicUndeliveredKwh,
    publicUndeliveredPercent:
      input.publicRequiredKwh > 0 ? (100 * input.publicUndeliveredKwh) / input.publicRequiredKwh : 0,
    energyKwh: sum(input.steps.map((step) => step.chargingKw * hours)),
    energyCost,
    fleetEnergyChangeKwh: input.fleetEnergyChangeKwh,
    costAdjusted: energyCost - (input.fleetEnergyChangeKwh / input.refillEfficiency) * input.refillPricePerKwh,
    peakKw: Math.max(0, ...input.steps.map((step) => step.gridKw)),
    minutesOverLimit: overSteps * input.stepMinutes,
    solveMsMean: input.solveMs.length === 0 ? 0 : sum(input.solveMs) / input.solveMs.length,
    solveMsMax: Math.max(0, ...input.solveMs),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
