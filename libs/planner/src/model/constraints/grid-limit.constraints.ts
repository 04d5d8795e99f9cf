import { at } from '../../problem/problem';
import { Problem } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { Variables } from '../variables';

/**
 * Site charging power P[t] = sum of vehicle and session power; its column bound is the grid limit minus the base
 * load, so P[t] + base <= grid limit in every slot. The peak (for the demand charge) covers P[t] + base.
 */
export function addGridLimit(problem: Problem, vars: Variables, model: LinearModelBuilder): void {
  for (let t = 0; t < problem.grid.count; t++) {
    const terms: [number, number][] = [[vars.siteKw[t], 1]];
    for (const row of vars.vehicleKw) if (row[t] >= 0) terms.push([row[t], -1]);
    for (const row of vars.sessionKw) if (row[t] >= 0) terms.push([row[t], -1]);
    model.addRow(`site|${at(problem, t)}`, 0, 0, terms);
    if (vars.peakKw >= 0) {
      model.addRow(`peak|${at(problem, t)}`, problem.baseLoadKw, Infinity, [
        [vars.peakKw, 1],
        [vars.siteKw[t], -1],
      ]);
    }
  }
}

/** ramp[t] >= |P[t] - P[t-1]|, priced in the smoothness tier. */
export function addSiteRamp(problem: Problem, vars: Variables, model: LinearModelBuilder): void {
  for (let t = 1; t < problem.grid.count; t++) {
    const ramp = vars.rampKw[t - 1];
    const now = vars.siteKw[t];
    const before = vars.siteKw[t - 1];
    model.addRow(`rampUp|${at(problem, t)}`, 0, Infinity, [
      [ramp, 1],
      [now, -1],
      [before, 1],
    ]);
    model.addRow(`rampDown|${at(problem, t)}`, 0, Infinity, [
      [ramp, 1],
      [now, 1],
      [before, -1],
    ]);
  }
}
