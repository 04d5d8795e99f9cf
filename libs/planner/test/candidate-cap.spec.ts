import { checkInvariants, PlanInput, Planner } from '../src';
import { normalizeInput } from '../src/problem/normalize-input';
import { resolvePlanOptions } from '../src/types/plan-options';
import { aBus, aScenario, aTask, at } from './builders';
import { expectSameObjective, solveBoth } from './solve-both';

/**
 * Regression: a task whose capped candidate list (`candidatesPerVehicleNeeded`) held only busy vehicles was reported
 * unserved although another vehicle was free (the medium bench site left one task short this way).
 */
describe('tasks beyond their capped candidate lists', () => {
  const planner = new Planner({ timeLimitSeconds: 20 });
  afterAll(() => planner.dispose());

  /** Two task ids whose single capped candidate (cap 1) is the same bus, found by the planner's own rotation. */
  function collidingTaskIds(input: PlanInput): [string, string] {
    const ids = Array.from({ length: 40 }, (_, i) => `T${i}`);
    const probe = { ...input, tasks: ids.map((id) => aTask({ id })) };
    const problem = normalizeInput(probe, resolvePlanOptions({ candidatesPerVehicleNeeded: 1 }));
    const first = problem.tasks[0];
    const other = problem.tasks.find((task) => task !== first && task.candidates[0] === first.candidates[0]);
    if (!other) throw new Error('no colliding task ids');
    return [first.id, other.id];
  }

  it('serves two overlapping tasks that share their only capped candidate with the other, free bus (both solvers)', async () => {
    const base = aScenario({ vehicles: [aBus({ id: 'BUS-01' }), aBus({ id: 'BUS-02' })] });
    const [a, b] = collidingTaskIds(base);
    const input = {
      ...base,
      tasks: [
        aTask({ id: a, start: at('01:00'), end: at('02:00') }),
        aTask({ id: b, start: at('01:30'), end: at('02:30') }),
      ],
    };
    const options = { candidatesPerVehicleNeeded: 1 };
    const { highs, jslp } = await solveBoth(planner, input, options);
    expectSameObjective(highs, jslp);
    for (const result of [highs, jslp]) {
      expect(result.unserved).toEqual([]);
      expect(result.assignments.map((x) => x.vehicleId).sort()).toEqual(['BUS-01', 'BUS-02']);
    }
    const twoStage = await planner.plan(input, { ...options, decomposition: 'two-stage' });
    expect(checkInvariants(input, twoStage)).toEqual([]);
    expect(twoStage.unserved).toEqual([]);
  });

  it('frees a vehicle for a new task by moving the task that blocks it (two-stage warm tick, an augmenting chain)', async () => {
    // BUS-01 is pinned to P (01:00-02:00). The first tick gives EARLY (00:00-00:45) to BUS-02, its capped candidate.
    // On the next tick LONG (00:30-02:30) arrives; only BUS-02 can serve it (BUS-01 pinned, BUS-03 forbidden). The
    // previous assignment is kept, so no vehicle is free for LONG: EARLY must move to BUS-03 to make room.
    const fillers = Array.from({ length: 10 }, (_, i) =>
      aTask({
        id: `F${i}`,
        start: at(`03:${String(i * 5).padStart(2, '0')}`),
        end: at(`03:${String(i * 5 + 4).padStart(2, '0')}`),
      }),
    );
    const first = aScenario({
      site: { id: 'chain-site', kind: 'airport', gridLimitKw: 1000 },
      vehicles: ['BUS-01', 'BUS-02', 'BUS-03'].map((id) => aBus({ id, socPercent: 80 })),
      tasks: [
        aTask({ id: 'EARLY', start: at('00:00'), end: at('00:45'), forbiddenVehicles: ['BUS-01'] }),
        aTask({ id: 'P', start: at('01:00'), end: at('02:00'), pinnedVehicles: ['BUS-01'] }),
        ...fillers,
      ],
    });
    const options = { decomposition: 'two-stage' as const, candidatesPerVehicleNeeded: 1 };
    const before = await planner.plan(first, options);
    expect(before.assignments).toContainEqual({ taskId: 'EARLY', vehicleId: 'BUS-02' });
    const next = {
      ...first,
      tasks: [
        ...first.tasks!,
        aTask({ id: 'LONG', start: at('00:30'), end: at('02:30'), forbiddenVehicles: ['BUS-03'] }),
      ],
    };
    const result = await planner.plan(next, options);
    expect(checkInvariants(next, result)).toEqual([]);
    expect(result.message).toContain('previous assignments kept');
    expect(result.unserved).toEqual([]);
    expect(result.assignments).toContainEqual({ taskId: 'LONG', vehicleId: 'BUS-02' });
    expect(result.assignments).toContainEqual({ taskId: 'EARLY', vehicleId: 'BUS-03' });
  });
});
