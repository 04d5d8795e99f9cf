import { GanttTask, ganttTask, layoutGantt, percentOf, taskLabel, timeTicks } from './gantt-layout';
import type { TaskRow } from './types';

const H = 3600_000;
const T0 = Date.parse('2026-11-22T06:00:00Z');
const window = { fromMs: T0, toMs: T0 + 10 * H };

const task = (label: string, startH: number, endH: number, overrides: Partial<GanttTask> = {}): GanttTask => ({
  id: `id-${label}`,
  label,
  startMs: T0 + startH * H,
  endMs: T0 + endH * H,
  vehicles: [],
  missingVehicles: 0,
  inPlan: true,
  atRisk: false,
  pinned: [],
  ...overrides,
});

describe('layoutGantt', () => {
  it('puts each task on the rows of its vehicles, in percent of the window, in start order', () => {
    const rows = layoutGantt(
      [
        task('LATE', 5, 6, { vehicles: ['BUS-01'] }),
        task('EARLY', 1, 1.5, { vehicles: ['BUS-01', 'BUS-02'], pinned: ['BUS-02'] }),
      ],
      ['BUS-01', 'BUS-02', 'BUS-03'],
      window,
    );
    expect(
      rows.map((row) => [row.label, row.bars.map((bar) => [bar.label, bar.leftPercent, bar.widthPercent])]),
    ).toEqual([
      [
        'BUS-01',
        [
          ['EARLY', 10, 5],
          ['LATE', 50, 10],
        ],
      ],
      ['BUS-02', [['EARLY', 10, 5]]],
      ['BUS-03', []],
    ]);
    expect(rows[1].bars[0].pinned).toBe(true);
    expect(rows[0].bars[0].pinned).toBe(false);
  });

  it('clips bars to the window and leaves out tasks wholly outside it', () => {
    const rows = layoutGantt(
      [
        task('BEFORE', -3, -1, { vehicles: ['V'] }),
        task('ACROSS-START', -1, 1, { vehicles: ['V'] }),
        task('ACROSS-END', 9, 12, { vehicles: ['V'] }),
        task('AFTER', 10, 11, { vehicles: ['V'] }),
      ],
      ['V'],
      window,
    );
    expect(rows[0].bars.map((bar) => [bar.label, bar.leftPercent, bar.widthPercent])).toEqual([
      ['ACROSS-START', 0, 10],
      ['ACROSS-END', 90, 10],
    ]);
  });

  it('packs tasks short of vehicles or not yet planned into as few non-overlapping unassigned lanes as needed', () => {
    const rows = layoutGantt(
      [
        task('SHORT-A', 1, 3, { vehicles: ['V'], missingVehicles: 1, atRisk: true }),
        task('NEW-B', 2, 4, { inPlan: false }),
        task('SHORT-C', 3, 5, { missingVehicles: 2, atRisk: true }),
        task('SERVED', 1, 2, { vehicles: ['V'] }),
      ],
      ['V'],
      window,
    );
    expect(rows.map((row) => [row.kind, row.label, row.bars.map((bar) => bar.label)])).toEqual([
      ['vehicle', 'V', ['SERVED', 'SHORT-A']],
      ['unassigned', 'unassigned', ['SHORT-A (short 1)', 'SHORT-C (short 2)']],
      ['unassigned', '', ['NEW-B (not planned)']],
    ]);
    expect(rows[1].bars.every((bar) => bar.atRisk)).toBe(true);
  });
});

describe('ganttTask', () => {
  const row = (overrides: Partial<TaskRow>): TaskRow => ({
    id: 'id-T1',
    flightRef: 'T1',
    vehicleType: 'apron-bus',
    vehiclesNeeded: 2,
    start: '2026-11-22T07:00:00Z',
    end: '2026-11-22T07:30:00Z',
    status: 'planned',
    pinnedVehicles: [],
    forbiddenVehicles: [],
    vehiclesLeft: [],
    inPlan: true,
    assigned: [],
    missingVehicles: 0,
    atRisk: false,
    riskReasons: [],
    ...overrides,
  });
  const rowsOf = (task: TaskRow) =>
    layoutGantt([ganttTask(task)], ['BUS-01', 'BUS-02', 'BUS-03'], window).map((r) => [r.label, r.bars.length]);

  it('keeps a started task out of the plan on the rows of the vehicles that left for it, not unassigned', () => {
    expect(rowsOf(row({ inPlan: false, vehiclesLeft: ['BUS-01', 'BUS-03'] }))).toEqual([
      ['BUS-01', 1],
      ['BUS-02', 0],
      ['BUS-03', 1],
    ]);
  });

  it('draws the vehicles that left and those the plan still sends; a started task short of vehicles is unassigned too', () => {
    const leaving = row({
      vehiclesLeft: ['BUS-01'],
      assigned: [{ vehicle: 'BUS-02', predictedSocPercentAtStart: 60, belowReserve: false }],
    });
    expect(ganttTask(leaving)).toMatchObject({ vehicles: ['BUS-01', 'BUS-02'], inPlan: true, missingVehicles: 0 });
    const short = row({ inPlan: false, vehiclesLeft: ['BUS-02'] });
    expect(rowsOf(short)).toEqual([
      ['BUS-01', 0],
      ['BUS-02', 1],
      ['BUS-03', 0],
      ['unassigned', 1],
    ]);
    expect(layoutGantt([ganttTask(short)], [], window)[0].bars[0].label).toBe('T1 (short 1)');
    expect(layoutGantt([ganttTask(row({ inPlan: false }))], [], window)[0].bars[0].label).toBe('T1 (not planned)');
  });
});

describe('percentOf', () => {
  it('places instants linearly, outside 0..100 beyond the window, 0 for an empty window', () => {
    expect(percentOf(T0 + 2.5 * H, window)).toBe(25);
    expect(percentOf(T0 - H, window)).toBe(-10);
    expect(percentOf(T0, { fromMs: T0, toMs: T0 })).toBe(0);
  });
});

describe('timeTicks', () => {
  it('picks the smallest whole step giving at most the asked number of ticks, on whole local hours', () => {
    const from = Date.parse('2026-11-22T06:10:00Z');
    // 10 hours, at most 6 ticks: 2-hour steps; UTC+8 local even hours are even UTC hours too.
    const ticks = timeTicks({ fromMs: from, toMs: from + 10 * H }, 6, 8 * H);
    expect(ticks.map((at) => new Date(at).toISOString().slice(11, 16))).toEqual([
      '08:00',
      '10:00',
      '12:00',
      '14:00',
      '16:00',
    ]);
  });

  it('aligns to the zone: in UTC+5:30 hourly ticks fall on :30 UTC', () => {
    const from = Date.parse('2026-11-22T06:00:00Z');
    const ticks = timeTicks({ fromMs: from, toMs: from + 3 * H }, 4, 5.5 * H);
    expect(ticks.map((at) => new Date(at).toISOString().slice(11, 16))).toEqual(['06:30', '07:30', '08:30']);
  });
});

describe('taskLabel', () => {
  const flight = { flight: 'CZ3101', direction: 'arrival', stand: 'R201', scheduledTime: '', status: 'scheduled' };
  it('shows a flight task by flight, stand and delay, an ad-hoc task by its flightRef', () => {
    expect(taskLabel({ flightRef: 'CZ3101-20261208-A', flight: { ...flight, delayMinutes: 40 } })).toBe(
      'CZ3101 R201 +40′',
    );
    expect(
      taskLabel({ flightRef: 'X', flight: { ...flight, stand: null, delayMinutes: 0, status: 'cancelled' } }),
    ).toBe('CZ3101 ? cancelled');
    expect(taskLabel({ flightRef: 'AD-HOC-1', flight: null })).toBe('AD-HOC-1');
  });
});
