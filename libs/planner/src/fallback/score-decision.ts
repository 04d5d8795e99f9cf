import { tierWeights } from '../model/tier-weights';
import { Problem, reserveCheckSlots } from '../problem/problem';
import { PlanResult } from '../types/plan-result';

/**
 * The model's tiered objective evaluated on a finished result (used for the fallback plan, which has no solver
 * objective, and in tests to cross-check the solver's). Same terms and weights as `objectiveTerms`.
 */
export function scoreDecision(problem: Problem, result: PlanResult): number {
  const weights = tierWeights(problem);
  const { grid } = problem;
  const horizonMinutes = grid.boundaryMinutes[grid.count];
  const missing = result.unserved.reduce((sum, entry) => sum + entry.missingVehicles, 0);
  let readinessKwh = 0;
  const socOf = new Map(
    result.soc.map((row) => ['vehicleId' in row ? `v:${row.vehicleId}` : `s:${row.sessionId}`, row.percent]),
  );
  const checked = reserveCheckSlots(problem);
  for (const vehicle of problem.vehicles) {
    const percent = socOf.get(`v:${vehicle.id}`) ?? [];
    for (const t of checked[vehicle.index]) {
      readinessKwh += Math.max(0, vehicle.minKwh - (percent[t + 1] / 100) * vehicle.batteryKwh);
    }
  }
  for (const session of problem.sessions) {
    if (session.requiredBoundary <= 0) continue;
    const percent = socOf.get(`s:${session.id}`) ?? [];
    readinessKwh += Math.max(0, session.requiredKwh - (percent[session.requiredBoundary] / 100) * session.batteryKwh);
  }
  let cost = 0;
  let early = 0;
  let ramp = 0;
  result.sitePowerKw.forEach((kw, t) => {
    cost += problem.pricePerKwh[t] * grid.hours[t] * kw;
    const midMinutes = (grid.boundaryMinutes[t] + grid.boundaryMinutes[t + 1]) / 2;
    early -= (1 - midMinutes / horizonMinutes) * grid.hours[t] * kw;
    if (t > 0) ramp += Math.abs(kw - result.sitePowerKw[t - 1]);
  });
  if (problem.demandChargePerKw > 0) cost += problem.demandChargePerKw * result.peakKw;
  for (const vehicle of problem.vehicles) {
    const endPercent = socOf.get(`v:${vehicle.id}`)?.[grid.count] ?? 0;
    cost -= weights.terminalValuePerKwh[vehicle.index] * (endPercent / 100) * vehicle.batteryKwh;
  }
  return (
    weights.unservedPerVehicle * missing +
    weights.readinessPerKwh * readinessKwh +
    weights.cost * cost +
    weights.earlyBonusPerKwh * early +
    weights.smoothnessPerKw * ramp
  );
}
