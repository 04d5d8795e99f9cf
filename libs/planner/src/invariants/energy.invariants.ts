import { Problem } from '../problem/problem';
import { PlanResult } from '../types/plan-result';

type Fail = (rule: string, message: string) => void;
const PERCENT_TOLERANCE = 0.01;

/**
 * SoC rows follow the energy balance from the input SoC (charging with efficiency, task draws spread evenly), and stay
 * within [min, max] unless the result reports that vehicle's shortfall of that kind. Never below 0 or above 100 %.
 */
export function checkEnergyAndSoc(
  problem: Problem,
  result: PlanResult,
  assigned: Map<number, number[]>,
  fail: Fail,
): void {
  const { grid } = problem;
  const T = grid.count;
  const kwOf = new Map<string, number[]>();
  for (const row of result.charging) {
    const key = 'vehicleId' in row ? `v:${row.vehicleId}` : `s:${row.sessionId}`;
    const sum = kwOf.get(key) ?? new Array<number>(T).fill(0);
    row.kw.forEach((kw, t) => (sum[t] += kw));
    kwOf.set(key, sum);
  }
  const socOf = new Map<string, number[]>();
  for (const row of result.soc) {
    const key = 'vehicleId' in row ? `v:${row.vehicleId}` : `s:${row.sessionId}`;
    if (socOf.has(key)) fail('shape', `soc has two rows for ${key}`);
    socOf.set(key, row.percent);
  }
  const reported = new Set(
    (result.shortfalls ?? []).map((s) => `${s.vehicleId ? 'v:' + s.vehicleId : 's:' + s.sessionId}:${s.kind}`),
  );
  const drawKwh = problem.vehicles.map(() => new Array<number>(T).fill(0));
  for (const task of problem.tasks) {
    for (const v of assigned.get(task.index) ?? [])
      for (const { slot, kwh } of task.energyBySlot) drawKwh[v][slot] += kwh;
  }
  const items = [
    ...problem.vehicles.map((v) => ({ key: `v:${v.id}`, ...v, draw: drawKwh[v.index], fleet: true })),
    ...problem.sessions.map((s) => ({
      key: `s:${s.id}`,
      ...s,
      minKwh: 0,
      maxKwh: s.batteryKwh,
      draw: null,
      fleet: false,
    })),
  ];
  for (const item of items) {
    const percent = socOf.get(item.key);
    if (!percent || percent.length !== T + 1 || percent.some((p) => !Number.isFinite(p))) {
      fail('shape', `soc row for ${item.key} is missing or malformed`);
      continue;
    }
    const kw = kwOf.get(item.key) ?? new Array<number>(T).fill(0);
    const toPercent = 100 / item.batteryKwh;
    if (Math.abs(percent[0] - item.initialKwh * toPercent) > PERCENT_TOLERANCE) {
      fail('energy-balance', `${item.key}: SoC starts at ${percent[0]}, input says ${item.initialKwh * toPercent}`);
    }
    let expectedKwh = item.initialKwh;
    for (let t = 0; t < T; t++) {
      expectedKwh += item.efficiency * grid.hours[t] * kw[t] - (item.draw ? item.draw[t] : 0);
      if (Math.abs(percent[t + 1] - expectedKwh * toPercent) > PERCENT_TOLERANCE) {
        fail(
          'energy-balance',
          `${item.key}: SoC at boundary ${t + 1} is ${percent[t + 1]}, balance gives ${expectedKwh * toPercent}`,
        );
        break;
      }
    }
    const low = percent.some((p) => p < item.minKwh * toPercent - PERCENT_TOLERANCE);
    const high = percent.some((p) => p > item.maxKwh * toPercent + PERCENT_TOLERANCE);
    if (item.fleet && low && !reported.has(`${item.key}:belowMin`))
      fail('soc-bounds', `${item.key} goes below its reserve unreported`);
    if (high && !(item.fleet && reported.has(`${item.key}:aboveMax`)))
      fail('soc-bounds', `${item.key} goes above its ceiling unreported`);
    // Below 0 % can only come from a pin the dispatcher insisted on; it must then be reported (checked above).
    if (percent.some((p) => p > 100 + PERCENT_TOLERANCE)) fail('soc-bounds', `${item.key} goes above 100 %`);
  }
}
