import { fallbackDecision, fallbackSteps } from '../src/fallback/fallback-plan';
import { buildModel, buildModelYielding } from '../src/model/build-model';
import { normalizeInput } from '../src/problem/normalize-input';
import { runStepsYielding } from '../src/steps';
import { resolvePlanOptions } from '../src/types/plan-options';
import { generateAirportDay } from '../../simulator/src/scenarios';

/** Counts event-loop turns (setImmediate callbacks) that ran while `work` was pending. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let pending = true;
  const spin = () => {
    if (!pending) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const value = await work();
  pending = false;
  return { value, turns };
}

describe('planner work on the service thread gives the event loop turns', () => {
  const problem = normalizeInput(
    generateAirportDay({ seed: 5, vehicles: 30, connectors: 20, hours: 12, tasks: 200 }),
    resolvePlanOptions(),
  );

  it('builds the same model as the straight-through build, pausing between constraint families', async () => {
    const { value: yielded, turns } = await turnsDuring(() => buildModelYielding(problem, 0));
    const straight = buildModel(problem, 0);
    expect(turns).toBeGreaterThanOrEqual(5);
    expect(yielded.model.numRows).toBe(straight.model.numRows);
    expect(yielded.model.numCols).toBe(straight.model.numCols);
    expect(Array.from(yielded.model.rowValues)).toEqual(Array.from(straight.model.rowValues));
    expect(Array.from(yielded.model.colCost)).toEqual(Array.from(straight.model.colCost));
  });

  it('runs the heuristic slot by slot with a pause after each slot, to the same decision', async () => {
    const { value: yielded, turns } = await turnsDuring(() => runStepsYielding(fallbackSteps(problem)));
    const straight = fallbackDecision(problem);
    expect(turns).toBeGreaterThanOrEqual(problem.grid.count);
    expect([...yielded.assigned]).toEqual([...straight.assigned]);
    expect(yielded.vehicleKw).toEqual(straight.vehicleKw);
  });
});
