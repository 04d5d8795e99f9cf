import { Problem } from '../problem/problem';

/**
 * Objective tiers, derived from the input so that each tier dominates the next by construction (README.md, "Why
 * these weights"): a missing vehicle on a task costs more than any readiness shortfall serving it could cause; a kWh
 * of readiness shortfall costs more than buying and delivering that kWh at the worst price and peak; the early-charging
 * bonus is smaller than any tariff step worth distinguishing; smoothness is smaller still.
 */
export interface TierWeights {
  /** per missing vehicle on a task */
  unservedPerVehicle: number;
  /** per kWh below a vehicle's reserve at one slot boundary, or short of a session's target */
  readinessPerKwh: number;
  /** currency per currency: energy cost and demand charge enter at face value */
  cost: number;
  /**
   * per kWh a vehicle stores at the horizon end, per vehicle: the cheapest tariff price from now on over the vehicle's
   * efficiency, i.e. the least that refilling that kWh after the horizon can cost (a reward: entered negated)
   */
  terminalValuePerKwh: number[];
  /** reward per kWh charged, scaled from 1 in the first slot to 0 at the horizon end */
  earlyBonusPerKwh: number;
  /** per kW of change in site power between consecutive slots */
  smoothnessPerKw: number;
}

export const DOMINANCE = 10;
export const EARLY_BONUS_PER_KWH = 1e-3;
export const SMOOTHNESS_PER_KW = 1e-5;

export function tierWeights(problem: Problem): TierWeights {
  const maxPrice = Math.max(0, ...problem.pricePerKwh);
  const efficiencies = [...problem.vehicles, ...problem.sessions].map((item) => item.efficiency);
  const minEfficiency = Math.min(1, ...efficiencies);
  const minSlotHours = Math.min(...problem.grid.hours);
  // Worst marginal cost of one stored kWh: the dearest slot, lost efficiency, and a peak raised within the shortest slot.
  const worstKwhCost = maxPrice / minEfficiency + problem.demandChargePerKw / (minSlotHours * minEfficiency);
  const readinessPerKwh = DOMINANCE * (worstKwhCost + EARLY_BONUS_PER_KWH) + 1;
  // Serving a task can push its vehicle below reserve by at most its energy, at every boundary of the horizon.
  const maxTaskKwh = Math.max(0, ...problem.tasks.map((task) => task.energyKwh));
  const unservedPerVehicle = DOMINANCE * readinessPerKwh * (maxTaskKwh / minEfficiency + 1) * problem.grid.count;
  return {
    unservedPerVehicle,
    readinessPerKwh,
    cost: 1,
    terminalValuePerKwh: problem.vehicles.map((vehicle) => problem.refillPricePerKwh / vehicle.efficiency),
    earlyBonusPerKwh: EARLY_BONUS_PER_KWH,
    smoothnessPerKw: SMOOTHNESS_PER_KW,
  };
}
