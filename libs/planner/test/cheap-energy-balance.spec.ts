import { normalizeInput } from '../src/problem/normalize-input';
import { balanceCheapEnergy } from '../src/repair/cheap-energy-balance';
import { resolvePlanOptions } from '../src/types/plan-options';
import { aBus, aScenario, aTask, at, prices } from './builders';

describe('stage-1 cheap-energy balance', () => {
  // 200 kWh buses, reserve 20 % (40 kWh). Day price 0.30 for three hours, then 0.10. T1 (01:00-02:00) draws 60 kWh.
  const day = (pinned?: string[]) =>
    normalizeInput(
      aScenario({
        pricePerKwh: prices([0.3, 0.3, 0.3, 0.1]),
        vehicles: [aBus({ id: 'POOR', socPercent: 30 }), aBus({ id: 'RICH', socPercent: 90 })],
        tasks: [aTask({ start: at('01:00'), end: at('02:00'), energyKwhPerVehicle: 60, pinnedVehicles: pinned })],
      }),
      resolvePlanOptions(),
    );

  it('moves a task from a bus that would buy day energy to one that holds it', () => {
    // POOR holds 60 kWh, 20 above reserve: serving T1 it must buy 40 kWh before 01:00 at the day price; RICH holds 140
    // above reserve and buys nothing.
    const problem = day();
    const chosen = [new Set([0])];
    expect(balanceCheapEnergy(problem, chosen)).toEqual({ beforeKwh: 40, afterKwh: 0 });
    expect([...chosen[0]]).toEqual([1]);
  });

  it('leaves a pinned vehicle where the dispatcher put it', () => {
    const problem = day(['POOR']);
    const chosen = [new Set([0])];
    expect(balanceCheapEnergy(problem, chosen)).toEqual({ beforeKwh: 40, afterKwh: 40 });
    expect([...chosen[0]]).toEqual([0]);
  });

  it('does not move a task onto a bus that is busy then', () => {
    const problem = normalizeInput(
      aScenario({
        pricePerKwh: prices([0.3, 0.3, 0.3, 0.1]),
        vehicles: [aBus({ id: 'POOR', socPercent: 30 }), aBus({ id: 'RICH', socPercent: 90 })],
        tasks: [
          aTask({ id: 'T1', start: at('01:00'), end: at('02:00'), energyKwhPerVehicle: 60 }),
          aTask({ id: 'T2', start: at('01:30'), end: at('02:30'), energyKwhPerVehicle: 10 }),
        ],
      }),
      resolvePlanOptions(),
    );
    const chosen = [new Set([0]), new Set([1])];
    expect(balanceCheapEnergy(problem, chosen).afterKwh).toBe(40);
    expect(chosen.map((vehicles) => [...vehicles])).toEqual([[0], [1]]);
  });
});
