import type { RunKpis } from './evaluation-types';
import { checkGoals } from './goals';

function kpis(policy: string, fields: Partial<RunKpis>): RunKpis {
  return {
    policy,
    gridLimitKw: 1000,
    tasks: 0,
    tasksOnTime: 0,
    tasksOnTimePercent: 100,
    tasksDelayed: 0,
    tasksUnserved: 0,
    lowestSocPercent: 100,
    publicRequiredKwh: 1000,
    publicUndeliveredKwh: 0,
    publicUndeliveredPercent: 0,
    energyKwh: 0,
    energyCost: 100,
    fleetEnergyChangeKwh: 0,
    costAdjusted: 100,
    peakKw: 1000,
    minutesOverLimit: 0,
    solveMsMean: 0,
    solveMsMax: 0,
    ...fields,
  };
}

const bound = { undeliveredKwh: 170, undeliveredPercent: 17, requiredKwh: 1000, sessions: 10, columns: 100 };

describe('issue 7 goal checks', () => {
  const highway = [
    kpis('uncontrolled', { publicUndeliveredPercent: 10.6, minutesOverLimit: 360, energyCost: 110 }),
    kpis('llf', { publicUndeliveredPercent: 17.2 }),
    kpis('apron', { publicUndeliveredPercent: 17.3, energyCost: 100 }),
  ];

  it('reports the public-energy goal unreachable when 10 points below LLF lies under the clairvoyant floor', () => {
    const goal = checkGoals(highway, bound).find((g) => g.goal.includes('LLF'))!;
    expect(goal.met).toBe(false);
    expect(goal.detail).toContain('floor 17.0 % (clairvoyant optimum');
    expect(goal.detail).toContain('unreachable on this day');
  });

  it('falls back to the uncontrolled run as the floor without a bound, and says nothing is unreachable when it is not', () => {
    const reachable = highway.map((k) => (k.policy === 'llf' ? { ...k, publicUndeliveredPercent: 30 } : k));
    const goal = checkGoals(reachable).find((g) => g.goal.includes('LLF'))!;
    expect(goal.detail).toContain('floor 10.6 % (uncontrolled');
    expect(goal.detail).not.toContain('unreachable');
  });

  it('checks the cost goal only where there is a fleet to charge', () => {
    expect(checkGoals(highway, bound).find((g) => g.goal.includes('cheaper'))!.met).toBeNull();
    const airport = highway.map((k) => ({ ...k, tasks: 600, publicRequiredKwh: 0 }));
    expect(checkGoals(airport).find((g) => g.goal.includes('cheaper'))!.met).toBe(false);
    expect(checkGoals(airport).find((g) => g.goal.includes('LLF'))).toMatchObject({
      met: null,
      detail: 'no public EVs on this day',
    });
  });
});
