import type { TaskRow } from './types.js';

/** A task as the timeline needs it (from the dispatch task board). */
export interface GanttTask {
  id: string;
  label: string;
  startMs: number;
  endMs: number;
  /** Fleet numbers the plan assigns or that left for it. */
  vehicles: string[];
  missingVehicles: number;
  /** false when neither the plan in force nor a recorded departure covers the task. */
  inPlan: boolean;
  atRisk: boolean;
  pinned: string[];
}

/**
 * A task board row for the timeline: on the rows of the vehicles the plan assigns and of those that left for it. Once
 * its vehicles have left, a task is out of the plan but served: short only of vehicles still to leave, if any.
 */
export function ganttTask(task: TaskRow): GanttTask {
  const left = task.vehiclesLeft;
  const servedOutsidePlan = !task.inPlan && left.length > 0;
  return {
    id: task.id,
    label: taskLabel(task),
    startMs: Date.parse(task.start),
    endMs: Date.parse(task.end),
    vehicles: [...new Set([...left, ...task.assigned.map((assigned) => assigned.vehicle)])],
    missingVehicles: servedOutsidePlan ? Math.max(0, task.vehiclesNeeded - left.length) : task.missingVehicles,
    inPlan: task.inPlan || servedOutsidePlan,
    atRisk: task.atRisk,
    pinned: task.pinnedVehicles,
  };
}

/** A flight task reads as its flight, stand and delay (`CZ3101 R201 +40′`); an ad-hoc task by its flightRef. */
export function taskLabel(task: Pick<TaskRow, 'flightRef' | 'flight'>): string {
  const flight = task.flight;
  if (!flight) return task.flightRef;
  const delay =
    flight.delayMinutes === 0 ? '' : ` ${flight.delayMinutes > 0 ? '+' : '−'}${Math.abs(flight.delayMinutes)}′`;
  const cancelled = flight.status === 'cancelled' ? ' cancelled' : '';
  return `${flight.flight} ${flight.stand ?? '?'}${delay}${cancelled}`;
}

export interface GanttBar {
  taskId: string;
  label: string;
  leftPercent: number;
  widthPercent: number;
  atRisk: boolean;
  /** This row's vehicle is pinned on the task. */
  pinned: boolean;
}

export interface GanttRow {
  key: string;
  label: string;
  kind: 'vehicle' | 'unassigned';
  bars: GanttBar[];
}

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/**
 * The timeline's rows: one per vehicle (in the given order) with the tasks the plan gives it, then the tasks still
 * short of vehicles or not planned yet, packed into as few "unassigned" lanes as do not overlap. Bars are placed in
 * percent of the window, clipped to it; tasks wholly outside it are left out.
 */
export function layoutGantt(tasks: GanttTask[], vehicles: string[], window: TimeWindow): GanttRow[] {
  const visible = tasks
    .filter((task) => task.endMs > window.fromMs && task.startMs < window.toMs)
    .sort((a, b) => a.startMs - b.startMs || a.label.localeCompare(b.label));
  const rows: GanttRow[] = vehicles.map((vehicle) => ({
    key: `vehicle:${vehicle}`,
    label: vehicle,
    kind: 'vehicle',
    bars: visible
      .filter((task) => task.vehicles.includes(vehicle))
      .map((task) => bar(task, window, task.pinned.includes(vehicle))),
  }));
  const lanes: { endMs: number; bars: GanttBar[] }[] = [];
  for (const task of visible.filter((t) => !t.inPlan || t.missingVehicles > 0)) {
    let lane = lanes.find((candidate) => candidate.endMs <= task.startMs);
    if (!lane) lanes.push((lane = { endMs: -Infinity, bars: [] }));
    lane.endMs = task.endMs;
    const label = task.inPlan ? `${task.label} (short ${task.missingVehicles})` : `${task.label} (not planned)`;
    lane.bars.push({ ...bar(task, window, false), label });
  }
  lanes.forEach((lane, index) =>
    rows.push({
      key: `unassigned:${index}`,
      label: index === 0 ? 'unassigned' : '',
      kind: 'unassigned',
      bars: lane.bars,
    }),
  );
  return rows;
}

function bar(task: GanttTask, window: TimeWindow, pinned: boolean): GanttBar {
  const from = Math.max(task.startMs, window.fromMs);
  const to = Math.min(task.endMs, window.toMs);
  return {
    taskId: task.id,
    label: task.label,
    leftPercent: percentOf(from, window),
    widthPercent: percentOf(to, window) - percentOf(from, window),
    atRisk: task.atRisk,
    pinned,
  };
}

/** Where an instant falls in the window, in percent (may be outside 0..100). */
export function percentOf(atMs: number, window: TimeWindow): number {
  const spanMs = window.toMs - window.fromMs;
  return spanMs > 0 ? round3(((atMs - window.fromMs) / spanMs) * 100) : 0;
}

const TICK_STEPS_MINUTES = [15, 30, 60, 120, 180, 360, 720];

/**
 * Axis ticks on whole steps of local time: the smallest step of 15 min to 12 h that gives at most `maxTicks`, at
 * instants where the site's clock shows a multiple of the step. `offsetMs` is the zone's offset from UTC (UTC+8 is
 * +8 h); one offset serves the window (a DST change inside it shifts later ticks by an hour, which an axis tolerates).
 */
export function timeTicks(window: TimeWindow, maxTicks: number, offsetMs: number): number[] {
  const spanMinutes = (window.toMs - window.fromMs) / 60_000;
  const stepMinutes = TICK_STEPS_MINUTES.find((step) => spanMinutes / step <= maxTicks) ?? TICK_STEPS_MINUTES.at(-1)!;
  const stepMs = stepMinutes * 60_000;
  const ticks: number[] = [];
  const first = Math.ceil((window.fromMs + offsetMs) / stepMs) * stepMs - offsetMs;
  for (let at = first; at <= window.toMs; at += stepMs) ticks.push(at);
  return ticks;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
