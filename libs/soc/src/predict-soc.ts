import { requireNonNegative, requirePositive } from './soc-config';
import { clampPercent } from './soc-filter';
import { SocEstimate } from './soc-types';

export interface PlannedEnergyOptions {
  /** 1-sigma of `plannedEnergyKwh` (e.g. from predictTaskEnergyKwh), added in quadrature. */
  energySigmaKwh?: number;
  /** Metered energy the plan charges before then; battery side is this × chargeEfficiency. */
  plannedChargeKwh?: number;
  chargeEfficiency?: number;
}

export interface PredictedSoc {
  socPercent: number;
  uncertaintyPercent: number;
  /** The unclamped prediction left 0–100 %: the plan cannot hold as stated. */
  clamped: boolean;
}

/**
 * SoC at a later moment, e.g. the start of the vehicle's next task: today's estimate minus the energy planned to be
 * drawn before then (tasks and idle drain), plus planned charging.
 */
export function predictSocAtPercent(
  estimate: Pick<SocEstimate, 'socPercent' | 'uncertaintyPercent'>,
  plannedEnergyKwh: number,
  batteryKwh: number,
  options: PlannedEnergyOptions = {},
): PredictedSoc {
  requirePositive('batteryKwh', batteryKwh);
  requireNonNegative('plannedEnergyKwh', plannedEnergyKwh);
  const chargeKwh = (options.plannedChargeKwh ?? 0) * (options.chargeEfficiency ?? 1);
  requireNonNegative('plannedChargeKwh × chargeEfficiency', chargeKwh);
  const unclampedPercent = estimate.socPercent + ((chargeKwh - plannedEnergyKwh) / batteryKwh) * 100;
  const energySigmaPercent = ((options.energySigmaKwh ?? 0) / batteryKwh) * 100;
  const socPercent = clampPercent(unclampedPercent);
  return {
    socPercent,
    uncertaintyPercent: Math.hypot(estimate.uncertaintyPercent, energySigmaPercent),
    clamped: socPercent !== unclampedPercent,
  };
}
