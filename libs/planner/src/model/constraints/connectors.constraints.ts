import { at } from '../../problem/problem';
import { Problem } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { Variables } from '../variables';

/**
 * Connectors and charger power. Fleet vehicles are not bound to a charger in the model (the decoder places them);
 * the model keeps (1) connectors in use per slot, counted as p/pMax (a relaxation that the decoder enforces exactly,
 * with a re-solve if it must cut power), within the connectors not held by public sessions; (2) total charging power
 * within the chargers' combined limit; (3) the sessions on each charger within its limit.
 */
export function addConnectorLimits(
  problem: Problem,
  vars: Variables,
  model: LinearModelBuilder,
  colUpper: (column: number) => number,
): void {
  const totalConnectors = problem.chargers.reduce((sum, charger) => sum + charger.connectors, 0);
  const totalChargerKw = problem.chargers.reduce((sum, charger) => sum + charger.maxKw, 0);
  for (let t = 0; t < problem.grid.count; t++) {
    const present = problem.sessions.filter((session) => session.availableFraction[t] > 0);
    const freeConnectors = Math.max(0, totalConnectors - present.length);
    const fleet: [number, number][] = [];
    for (const vehicle of problem.vehicles) {
      const kw = vars.vehicleKw[vehicle.index][t];
      if (kw >= 0) fleet.push([kw, 1 / vehicle.maxKw]);
    }
    if (fleet.length > freeConnectors) model.addRow(`connectors|${at(problem, t)}`, -Infinity, freeConnectors, fleet);

    const all: [number, number][] = fleet.map(([column]) => [column, 1]);
    for (const row of vars.sessionKw) if (row[t] >= 0) all.push([row[t], 1]);
    const upperSumKw = all.reduce((sum, [column]) => sum + colUpper(column), 0);
    if (upperSumKw > totalChargerKw) model.addRow(`chargersKw|${at(problem, t)}`, -Infinity, totalChargerKw, all);

    problem.chargers.forEach((charger, c) => {
      const terms: [number, number][] = present
        .filter((session) => session.charger === c && vars.sessionKw[session.index][t] >= 0)
        .map((session) => [vars.sessionKw[session.index][t], 1]);
      const sumKw = terms.reduce((sum, [column]) => sum + colUpper(column), 0);
      if (sumKw > charger.maxKw)
        model.addRow(`chargerKw|${charger.id}|${at(problem, t)}`, -Infinity, charger.maxKw, terms);
    });
  }
}
