import { Problem } from '../problem/problem';
import { addNoChargingWhileBusy } from './constraints/busy-charging.constraints';
import { addConnectorLimits } from './constraints/connectors.constraints';
import {
  addReserveShortfall,
  addSessionEnergy,
  addVehicleEnergyBalance,
} from './constraints/energy-balance.constraints';
import { addGridLimit, addSiteRamp } from './constraints/grid-limit.constraints';
import { addTaper } from './constraints/taper.constraints';
import { addTaskCover } from './constraints/task-cover.constraints';
import { addVehicleOverlap, tasksByVehicle } from './constraints/vehicle-overlap.constraints';
import { LinearModel, LinearModelBuilder } from './linear-model';
import { applyObjective, objectiveTerms } from './objective';
import { tierWeights, TierWeights } from './tier-weights';
import { addVariables, Variables } from './variables';
import { runSteps, runStepsYielding, Steps } from '../steps';

export interface BuiltModel {
  model: LinearModel;
  vars: Variables;
  weights: TierWeights;
  /** Power columns of the slots a vehicle is busy in on a fixed assignment are left out (`fixAssignments`). */
  withoutBusyPower: boolean;
}

/**
 * Assembles the planning model of DESIGN.md §4 from one constraint family at a time.
 * `fixAssignments`: every candidate must serve its task (lower bound 1) — for stage 2 of the two-stage plan, where
 * candidates are the chosen vehicles; presolve then removes the assignment columns. Pins are always fixed.
 * `withoutBusyPower` (with `fixAssignments`): no power columns in the slots a vehicle is busy in (their busy rows would
 * force them to 0), so the model cannot release a fixed assignment usefully: build the full model for that.
 */
export function buildModel(
  problem: Problem,
  integerWindowMinutes: number,
  fixAssignments = false,
  withoutBusyPower = false,
): BuiltModel {
  return runSteps(buildSteps(problem, integerWindowMinutes, fixAssignments, withoutBusyPower));
}

/** `buildModel` that lets the event loop run between constraint families (a large site's build takes ~100 ms). */
export function buildModelYielding(
  problem: Problem,
  integerWindowMinutes: number,
  fixAssignments = false,
  withoutBusyPower = false,
): Promise<BuiltModel> {
  return runStepsYielding(buildSteps(problem, integerWindowMinutes, fixAssignments, withoutBusyPower));
}

function* buildSteps(
  problem: Problem,
  integerWindowMinutes: number,
  fixAssignments: boolean,
  withoutBusyPower: boolean,
): Steps<BuiltModel> {
  const builder = new LinearModelBuilder();
  const vars = addVariables(problem, builder, integerWindowMinutes, fixAssignments, fixAssignments && withoutBusyPower);
  const colUpper = (column: number) => builder.upperOf(column);
  const byVehicle = tasksByVehicle(problem);
  yield;
  addVehicleEnergyBalance(problem, vars, builder);
  addReserveShortfall(problem, vars, builder);
  addSessionEnergy(problem, vars, builder);
  yield;
  addTaskCover(problem, vars, builder);
  addVehicleOverlap(problem, vars, builder, byVehicle);
  yield;
  addNoChargingWhileBusy(problem, vars, builder, byVehicle, colUpper);
  addConnectorLimits(problem, vars, builder, colUpper);
  yield;
  addGridLimit(problem, vars, builder);
  addSiteRamp(problem, vars, builder);
  addTaper(problem, vars, builder);
  yield;
  const weights = tierWeights(problem);
  applyObjective(builder, objectiveTerms(problem, vars, weights));
  yield;
  return { model: builder.build(), vars, weights, withoutBusyPower: fixAssignments && withoutBusyPower };
}
