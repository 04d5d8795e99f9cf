import type { RunKpis } from './evaluation-types';

export interface GoalCheck {
  goal: string;
  met: boolean | null;
  detail: string;
}

/**
 * Issue 7's goals at 60 % of the uncontrolled peak. `null` = not applicable on this site (no tasks, or no public
 * EVs). Cost is checked on the raw energy cost and, separately, on the cost adjusted for the fleet's end-of-day energy.
 */
export function checkGoals(kpis: readonly RunKpis[]): GoalCheck[] {
  const find = (policy: string) => kpis.find((k) => k.policy === policy);
  const apron = find('apron');
  const uncontrolled = find('uncontrolled');
  const llf = find('llf');
  if (!apron || !uncontrolled || !llf) return [];
  const saving = (a: number, b: number) => (b > 0 ? (100 * (b - a)) / b : 0);
  return [
    {
      goal: 'apron ≥ 99.5 % of tasks on time',
      met: apron.tasks > 0 ? apron.tasksOnTimePercent >= 99.5 : null,
      detail: `${apron.tasksOnTimePercent.toFixed(1)} %`,
    },
    { goal: 'apron 0 minutes over the limit', met: apron.minutesOverLimit === 0, detail: `${apron.minutesOverLimit}` },
    {
      goal: 'apron ≥ 20 % cheaper than uncontrolled',
      met: saving(apron.energyCost, uncontrolled.energyCost) >= 20,
      detail: `${saving(apron.energyCost, uncontrolled.energyCost).toFixed(1)} % (adjusted for end-of-day fleet energy: ${saving(apron.costAdjusted, uncontrolled.costAdjusted).toFixed(1)} %)`,
    },
    {
      goal: 'apron beats LLF on undelivered public energy by ≥ 10 points',
      met: apron.publicRequiredKwh > 0 ? llf.publicUndeliveredPercent - apron.publicUndeliveredPercent >= 10 : null,
      detail:
        `apron ${apron.publicUndeliveredPercent.toFixed(1)} % vs llf ${llf.publicUndeliveredPercent.toFixed(1)} %; ` +
        `floor ${uncontrolled.publicUndeliveredPercent.toFixed(1)} % (uncontrolled: every EV at its own limit, no grid ` +
        `limit; no policy delivers more)${
          llf.publicUndeliveredPercent - 10 < uncontrolled.publicUndeliveredPercent - 1e-9
            ? ': 10 points below LLF is under the floor, unreachable on this day'
            : ''
        }`,
    },
  ];
}
