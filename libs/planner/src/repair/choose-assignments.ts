import { buildAssignmentModel } from '../model/build-assignment-model';
import { fallbackSteps } from '../fallback/fallback-plan';
import { runStepsYielding, yieldToEventLoop } from '../steps';
import { Problem } from '../problem/problem';
import { SolverAdapter } from '../solvers/solver-adapter';
import { ResolvedPlanOptions } from '../types/plan-options';
import { assignmentsIntegral, roundAssignments } from './round-assignments';
import { balanceCheapEnergy } from './cheap-energy-balance';
import { secondChance } from './second-chance';

export type ChooseOutcome = { ok: true; problem: Problem; source: string } | { ok: false; reason: string };

/**
 * Stage 1 of the two-stage plan: keep the heuristic's assignment if it serves every task, else solve the assignment
 * model (and fall back to the heuristic's assignment if that times out), round it if fractional, and return the problem with each
 * task's candidates cut down to the chosen vehicles (pins kept). Stage 2 is the joint model on that problem, which
 * re-plans charging exactly and may still drop an assignment that turns out short of energy.
 */
export async function chooseAssignments(
  adapter: SolverAdapter,
  problem: Problem,
  timeLimitSeconds: number,
  options: ResolvedPlanOptions,
): Promise<ChooseOutcome> {
  // The urgent-first heuristic is instant and energy-aware; when it serves every task its assignment is kept. It picks
  // vehicles by the energy they hold without buying any above the refill price, so day tasks go to energy-rich
  // vehicles and charging can wait for the cheap tariff.
  const greedy = (await runStepsYielding(fallbackSteps(problem, { cheapEnergyFirst: true }))).assigned;
  const greedyChosen = problem.tasks.map((task) => new Set([...task.pinned, ...(greedy.get(task.index) ?? [])]));
  const restrict = (chosen: Set<number>[], source: string): ChooseOutcome => {
    secondChance(problem, chosen);
    balanceCheapEnergy(problem, chosen);
    const tasks = problem.tasks.map((task) => ({ ...task, candidates: [...chosen[task.index]].sort((a, b) => a - b) }));
    return { ok: true, problem: { ...problem, tasks }, source };
  };
  // The heuristic only looks at capped candidates and one slot at a time; the second chance serves what it left short
  // where a free or freeable vehicle exists (cheap: no solver).
  secondChance(problem, greedyChosen);
  await yieldToEventLoop();
  if (problem.tasks.every((task) => greedyChosen[task.index].size >= task.needed)) {
    return restrict(greedyChosen, 'heuristic assignment (with second chance) serves every task');
  }
  const assignmentColumns = problem.tasks.reduce((sum, task) => sum + task.candidates.length, 0);
  if (assignmentColumns > options.assignmentLpLimit) {
    return restrict(greedyChosen, `heuristic assignment (${assignmentColumns} assignment columns: LP too slow)`);
  }
  // An LP: its rounding is checked by stage 2, which re-solves charging exactly.
  const { model, vars } = buildAssignmentModel(problem, 0);
  await adapter.load(model, 'assign', options.warmBasisAcrossTicks);
  const outcome = await adapter.solve({ timeLimitSeconds, mipGap: options.mipGap });
  if (!outcome.values || (outcome.status !== 'optimal' && outcome.status !== 'feasible')) {
    return restrict(greedyChosen, `heuristic assignment (assignment model ${outcome.status})`);
  }
  const values = outcome.values;
  const upper = Float64Array.from(model.colUpper);
  if (!assignmentsIntegral(vars, values)) {
    const changes = roundAssignments(problem, vars, values, upper);
    changes.indices.forEach((column, i) => (upper[column] = changes.upper[i]));
  } else {
    for (const columns of vars.assign)
      for (const column of columns.values()) upper[column] = values[column] > 0.5 ? 1 : 0;
  }
  const chosen = problem.tasks.map((task) => {
    const vehicles = new Set(task.pinned);
    for (const [v, column] of vars.assign[task.index]) if (upper[column] > 0.5) vehicles.add(v);
    return vehicles;
  });
  return restrict(chosen, 'assignment model');
}
