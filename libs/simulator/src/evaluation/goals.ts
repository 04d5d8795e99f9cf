import type { PublicEnergyBound } from './clairvoyant-bound';
import type { RunKpis } from './evaluation-types';

export interface GoalCheck {
  goal: string;
  met: boolean | null;
  detail: string;
}

/**
 * Issue 7's goals at 60 % of the uncontrolled peak. `null` = not applicable on this site (no tasks, or no public
 * EVs). Cost is checked on the raw energy cost and, separately, on the cost adjusted for the fleet's end-of-day energy.
 * `publicBound`: the clairvoyant optimum at the same limit (clairvoyant-bound.ts), which no policy can beat.
 */
export function checkGoals(kpis: readonly RunKpis[], publicBound?: PublicEnergyBound): GoalCheck[] {
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
      // Public EVs are paid for by their drivers and want their energy when they are there: a site without a fleet
      // saves only by delivering less (uncontrolled delivers more by breaking the limit), so the goal is the fleet's.
      met: apron.tasks > 0 ? saving(apron.energyCost, uncontrolled.energyCost) >= 20 : null,
      detail: `${saving(apron.energyCost, uncontrolled.energyCost).toFixed(1)} % (adjusted for end-of-day fleet energy: ${saving(apron.costAdjusted, uncontrolled.costAdjusted).toFixed(1)} %)`,
    },
    {
      goal: 'apron beats LLF on undelivered public energy by ≥ 10 points',
      met: apron.publicRequiredKwh > 0 ? llf.publicUndeliveredPercent - apron.publicUndeliveredPercent >= 10 : null,
      detail:
        apron.publicRequiredKwh > 0
          ? `apron ${apron.publicUndeliveredPercent.toFixed(1)} % vs llf ${llf.publicUndeliveredPercent.toFixed(1)} %; ${publicFloor(llf, uncontrolled, publicBound)}`
          : 'no public EVs on this day',
    },
  ];
}

/** What no policy can beat: the clairvoyant optimum at this limit, else the uncontrolled run (no limit at all). */
function publicFloor(llf: RunKpis, uncontrolled: RunKpis, bound?: PublicEnergyBound): string {
  const [floorPercent, what] = bound
    ? [
        bound.undeliveredPercent,
        'clairvoyant optimum at this limit: one LP over the day knowing every arrival in advance',
      ]
    : [uncontrolled.publicUndeliveredPercent, 'uncontrolled: every EV at its own limit, no grid limit'];
  const unreachable = llf.publicUndeliveredPercent - 10 < floorPercent - 1e-9;
  return (
    `floor ${floorPercent.toFixed(1)} % (${what}; no policy leaves less undelivered)` +
    (unreachable ? ': 10 points below LLF is under the floor, unreachable on this day' : '')
  );
}
