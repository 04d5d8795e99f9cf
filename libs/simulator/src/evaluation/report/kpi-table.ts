import type { RunKpis } from '../evaluation-types';

const COLUMNS: [string, (k: RunKpis) => string][] = [
  ['policy', (k) => k.policy],
  ['limit kW', (k) => k.gridLimitKw.toFixed(0)],
  ['on time', (k) => `${k.tasksOnTime}/${k.tasks} (${k.tasksOnTimePercent.toFixed(1)} %)`],
  ['delayed', (k) => String(k.tasksDelayed)],
  ['unserved', (k) => String(k.tasksUnserved)],
  ['lowest SoC %', (k) => k.lowestSocPercent.toFixed(1)],
  [
    'public undelivered kWh',
    (k) => `${k.publicUndeliveredKwh.toFixed(0)} (${k.publicUndeliveredPercent.toFixed(1)} %)`,
  ],
  ['energy kWh', (k) => k.energyKwh.toFixed(0)],
  ['cost', (k) => k.energyCost.toFixed(2)],
  ['fleet ΔkWh', (k) => k.fleetEnergyChangeKwh.toFixed(0)],
  ['cost adj.', (k) => k.costAdjusted.toFixed(2)],
  ['peak kW', (k) => k.peakKw.toFixed(0)],
  ['min over limit', (k) => String(k.minutesOverLimit)],
  ['solve ms mean/max', (k) => (k.solveMsMax > 0 ? `${k.solveMsMean.toFixed(0)}/${k.solveMsMax.toFixed(0)}` : '-')],
];

/** A fixed-width text table, one row per run. */
export function kpiTable(rows: readonly RunKpis[]): string {
  const cells = [COLUMNS.map(([title]) => title), ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row)))];
  const widths = COLUMNS.map((_, c) => Math.max(...cells.map((line) => line[c].length)));
  const format = (line: string[]) => line.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
  return [format(cells[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.slice(1).map(format)].join('\n');
}
