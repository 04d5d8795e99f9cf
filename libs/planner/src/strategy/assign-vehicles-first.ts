import { performance } from 'node:perf_hooks';
import { Problem } from '../problem/problem';
import { chooseAssignments } from '../repair/choose-assignments';
import { restrictToPrevious, StickyAssignments } from '../repair/sticky-assignments';
import { Approach } from './choose-approach';
import { Assigned, Tick } from './solve-assigned';

export type StageOne =
  | {
      ok: true;
      assigned: Assigned;
      /** Stage 2 serves the assignment as chosen or kept (its candidates must serve, an LP plans charging). */
      twoStage: boolean;
      /** A joint site kept its last assignment (the MIP is backed off). */
      keptJoint: boolean;
    }
  | { ok: false; reason: string };

/**
 * Stage 1, which vehicles may serve which task. A two-stage site keeps the previous tick's assignment on warm ticks
 * (`restrictToPrevious`), for at most `reassignEveryTicks` ticks in a row, else chooses one (`chooseAssignments`). A
 * joint site leaves every capped candidate to the joint model, except while its MIP is skipped: then it keeps its last
 * plan's assignment like a two-stage site (the joint LP of a site short of vehicles is slow: ~0.4 s on the small bench
 * site), re-assigning jointly every `reassignEveryTicks` ticks.
 */
export async function assignVehiclesFirst(
  tick: Tick,
  fullProblem: Problem,
  approach: Approach,
  previous: StickyAssignments | undefined,
): Promise<StageOne> {
  const { options } = tick;
  const reusable = previous && previous.reusedTicks < options.reassignEveryTicks ? previous : undefined;
  const mayKeep = !approach.jointSite || approach.mipSkipped;
  const kept = reusable && mayKeep ? restrictToPrevious(fullProblem, reusable) : undefined;
  if (kept) {
    const reusedTicks = reusable!.reusedTicks + 1;
    const note = ` (two-stage: previous assignments kept, tick ${reusedTicks} of ${options.reassignEveryTicks})`;
    return { ok: true, assigned: { problem: kept, reusedTicks, note }, twoStage: true, keptJoint: approach.jointSite };
  }
  if (approach.jointSite) {
    return {
      ok: true,
      assigned: { problem: fullProblem, reusedTicks: 0, note: '' },
      twoStage: false,
      keptJoint: false,
    };
  }
  const budgetSeconds = (0.5 * (tick.deadlineMs - performance.now())) / 1000;
  const chosen = await chooseAssignments(tick.adapter, fullProblem, budgetSeconds, options);
  if (!chosen.ok) return chosen;
  const note = ` (two-stage: assignments first, ${chosen.source}, then charging)`;
  return { ok: true, assigned: { problem: chosen.problem, reusedTicks: 0, note }, twoStage: true, keptJoint: false };
}
