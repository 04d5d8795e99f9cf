import { h, clockTime, zoneOffsetMs } from './dom.js';
import { ganttTask, layoutGantt, percentOf, taskLabel, timeTicks, TimeWindow } from './gantt-layout.js';
import type { TaskRow, VehicleRow } from './types.js';

/** The task timeline: a row per vehicle with the tasks the plan gives it or it left for, then tasks short of vehicles. */
export function renderGantt(
  container: HTMLElement,
  tasks: TaskRow[],
  vehicles: VehicleRow[],
  window: TimeWindow,
  options: { timeZone: string; nowMs: number; selectedTaskId: string | null; onSelect: (taskId: string) => void },
): void {
  const outOfService = new Set(vehicles.filter((v) => !v.inService).map((v) => v.fleetNumber));
  const rows = layoutGantt(
    tasks.map(ganttTask),
    vehicles.map((v) => v.fleetNumber),
    window,
  );
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const nowPercent = percentOf(options.nowMs, window);
  const ticks = timeTicks(window, 8, zoneOffsetMs(window.fromMs, options.timeZone));
  const axis = h(
    'div',
    { class: 'gantt-axis' },
    h('span'),
    h(
      'div',
      { class: 'gantt-ticks' },
      ...ticks.map((at) =>
        h('span', { class: 'gantt-tick', style: `left:${percentOf(at, window)}%` }, clockTime(at, options.timeZone)),
      ),
    ),
  );
  const rowElements = rows.map((row) => {
    const vehicle = row.kind === 'vehicle' ? row.label : null;
    const label = h('div', { class: `gantt-label${vehicle && outOfService.has(vehicle) ? ' out' : ''}` }, row.label);
    const track = h('div', { class: 'gantt-track' });
    if (nowPercent >= 0 && nowPercent <= 100)
      track.append(h('div', { class: 'gantt-now', style: `left:${nowPercent}%` }));
    for (const bar of row.bars) {
      const task = byId.get(bar.taskId)!;
      const classes = [
        'bar',
        bar.atRisk ? 'risk' : '',
        bar.pinned ? 'pinned' : '',
        row.kind === 'unassigned' ? 'unassigned' : '',
      ];
      if (bar.taskId === options.selectedTaskId) classes.push('selected');
      if ((task.flight?.delayMinutes ?? 0) >= 15) classes.push('delayed');
      const title = [
        `${taskLabel(task)} ${clockTime(task.start, options.timeZone)}–${clockTime(task.end, options.timeZone)}`,
        `${task.vehicleType} × ${task.vehiclesNeeded}`,
        ...task.riskReasons,
      ].join('\n');
      const element = h(
        'button',
        {
          class: classes.filter(Boolean).join(' '),
          style: `left:${bar.leftPercent}%;width:${bar.widthPercent}%`,
          title,
          'data-task': task.flightRef,
          'data-vehicle': vehicle ?? undefined,
          type: 'button',
        },
        bar.label,
      );
      element.addEventListener('click', () => options.onSelect(bar.taskId));
      track.append(element);
    }
    return h('div', { class: 'gantt-row', 'data-row': row.key }, label, track);
  });
  container.replaceChildren(axis, ...rowElements);
}
