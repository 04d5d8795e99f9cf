import { Problem } from '../../problem/problem';
import { LinearModelBuilder } from '../linear-model';
import { Variables } from '../variables';

/** Each task gets exactly `vehiclesNeeded` vehicles, or the missing ones are counted as unserved. */
export function addTaskCover(problem: Problem, vars: Variables, model: LinearModelBuilder): void {
  for (const task of problem.tasks) {
    const terms: [number, number][] = [...vars.assign[task.index].values()].map((column) => [column, 1]);
    terms.push([vars.unserved[task.index], 1]);
    model.addRow(`cover|${task.id}`, task.needed, task.needed, terms);
  }
}
