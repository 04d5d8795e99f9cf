/** SoC above which charging power falls linearly to zero at 100 % (the planner's default knee). */
export const TAPER_KNEE_PERCENT = 80;

export interface ChargeLimitInput {
  energyKwh: number;
  batteryKwh: number;
  /** Energy at which charging stops (ceiling or target), kWh. */
  stopKwh: number;
  maxChargeKw: number;
  connectorKw: number;
  efficiency: number;
  stepMinutes: number;
}

/**
 * Highest grid-side kW this step: the vehicle's and connector's limits, the taper above the knee, and never more than
 * what reaches the stop energy by the end of the step. The taper holds at the step's end energy, as in the planner
 * (p ≤ Pmax·(Efull − e_end)/(Efull − Eknee), solved for p), so a long step cannot overshoot the curve.
 */
export function chargeLimitKw(input: ChargeLimitInput): number {
  const headroomKwh = input.stopKwh - input.energyKwh;
  if (headroomKwh <= 1e-9) return 0;
  let limitKw = Math.min(input.maxChargeKw, input.connectorKw);
  const kneeKwh = (input.batteryKwh * TAPER_KNEE_PERCENT) / 100;
  const hours = input.stepMinutes / 60;
  const taperedKw =
    (limitKw * (input.batteryKwh - input.energyKwh)) /
    (input.batteryKwh - kneeKwh + limitKw * input.efficiency * hours);
  limitKw = Math.min(limitKw, taperedKw);
  return Math.max(0, Math.min(limitKw, headroomKwh / (input.efficiency * hours)));
}
