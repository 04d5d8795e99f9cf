import { Problem } from '../problem/problem';
import { LinearModelBuilder } from './linear-model';
import { TierWeights } from './tier-weights';
import { Variables } from './variables';

export interface ObjectiveTerm {
  name: string;
  weight: number;
  /** [column, coefficient before weighting] */
  terms: [number, number][];
}

/** The objective as a list of weighted terms, one per tier (DESIGN.md §4). */
export function objectiveTerms(problem: Problem, vars: Variables, weights: TierWeights): ObjectiveTerm[] {
  const { grid } = problem;
  const horizonMinutes = grid.boundaryMinutes[grid.count];
  const readiness: [number, number][] = [];
  for (const row of vars.reserveShortKwh) for (const column of row) if (column >= 0) readiness.push([column, 1]);
  for (const column of vars.sessionShortKwh) if (column >= 0) readiness.push([column, 1]);
  const energyCost: [number, number][] = vars.siteKw.map((column, t) => [
    column,
    problem.pricePerKwh[t] * grid.hours[t],
  ]);
  if (vars.peakKw >= 0) energyCost.push([vars.peakKw, problem.demandChargePerKw]);
  const early: [number, number][] = vars.siteKw.map((column, t) => {
    const midMinutes = (grid.boundaryMinutes[t] + grid.boundaryMinutes[t + 1]) / 2;
    return [column, -(1 - midMinutes / horizonMinutes) * grid.hours[t]];
  });
  // Cost tier: stored energy left at the horizon end is worth what refilling it later costs at least.
  const last = grid.count - 1;
  const terminal: [number, number][] = problem.vehicles
    .filter(() => last >= 0)
    .map((vehicle) => [vars.vehicleKwh[vehicle.index][last], -weights.terminalValuePerKwh[vehicle.index]]);
  return [
    { name: 'unserved', weight: weights.unservedPerVehicle, terms: vars.unserved.map((column) => [column, 1]) },
    { name: 'readiness', weight: weights.readinessPerKwh, terms: readiness },
    { name: 'cost', weight: weights.cost, terms: energyCost },
    { name: 'terminalValue', weight: weights.cost, terms: terminal },
    { name: 'earlyBonus', weight: weights.earlyBonusPerKwh, terms: early },
    { name: 'smoothness', weight: weights.smoothnessPerKw, terms: vars.rampKw.map((column) => [column, 1]) },
  ];
}

export function applyObjective(model: LinearModelBuilder, terms: ObjectiveTerm[]): void {
  for (const term of terms)
    for (const [column, coefficient] of term.terms) model.addCost(column, term.weight * coefficient);
}
