import { buildModel } from '../src/model/build-model';
import { normalizeInput } from '../src/problem/normalize-input';
import { HighsAdapter } from '../src/solvers/highs/highs.adapter';
import { resolvePlanOptions } from '../src/types/plan-options';
import { generateAirportDay } from '../../simulator/src/scenarios';

describe('HiGHS worker watchdog', () => {
  const adapter = new HighsAdapter();
  afterAll(() => adapter.dispose());
  const problem = normalizeInput(
    generateAirportDay({ seed: 3, vehicles: 30, connectors: 20, hours: 12, tasks: 200 }),
    resolvePlanOptions(),
  );
  const { model } = buildModel(problem, 0);

  it('answers a solve that cannot finish in time with a timeout, then works again with a fresh worker', async () => {
    await adapter.load(model);
    // A negative budget leaves the watchdog ~10 ms: it terminates the worker before HiGHS can answer.
    const late = await adapter.solve({ timeLimitSeconds: -1.49, mipGap: 0.01 });
    expect(['timeout', 'feasible']).toContain(late.status);
    await adapter.load(model);
    const again = await adapter.solve({ timeLimitSeconds: 30, mipGap: 0.01 });
    expect(again.status).toBe('optimal');
  });
});
