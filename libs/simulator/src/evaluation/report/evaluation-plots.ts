import type { RunKpis } from '../evaluation-types';
import type { Evaluation } from '../evaluate-day';
import { barPanelsSvg, lineChartSvg, Series } from './svg-charts';

/** File name → SVG text: site power vs limit per policy, KPI bars, and the sweep (if run). */
export function evaluationPlots(evaluation: Evaluation): Map<string, string> {
  const plots = new Map<string, string>();
  const runs = evaluation.runs;
  const power: Series[] = runs.map((run) => ({
    name: run.kpis.policy,
    points: run.steps.map((step) => [step.minutes / 60, step.gridKw]),
  }));
  if (runs.length > 0) {
    power.push({
      name: 'grid limit',
      dashed: true,
      points: runs[0].steps.map((step) => [step.minutes / 60, step.gridLimitKw]),
    });
  }
  plots.set(
    'site-power.svg',
    lineChartSvg(`${evaluation.site}: site power (base load incl.) vs grid limit`, 'hours from start', 'kW', power),
  );
  const kpis = runs.map((run) => run.kpis);
  plots.set(
    'kpi-bars.svg',
    barPanelsSvg(
      `${evaluation.site}: KPIs at ${Math.round(evaluation.limitShare * 100)} % of the uncontrolled peak`,
      kpis.map((k) => k.policy),
      [
        { name: 'tasks on time %', values: kpis.map((k) => k.tasksOnTimePercent) },
        { name: 'public undelivered %', values: kpis.map((k) => k.publicUndeliveredPercent) },
        { name: 'energy cost', values: kpis.map((k) => k.energyCost) },
        { name: 'peak kW', values: kpis.map((k) => k.peakKw) },
        { name: 'minutes over limit', values: kpis.map((k) => k.minutesOverLimit) },
      ],
    ),
  );
  if (evaluation.sweep.length > 0) {
    const airport = evaluation.sweep.some((k) => k.tasks > 0);
    const metric = (k: RunKpis) => (airport ? k.tasksOnTimePercent : k.publicUndeliveredPercent);
    const policies = [...new Set(evaluation.sweep.map((k) => k.policy))];
    plots.set(
      'sweep.svg',
      lineChartSvg(
        `${evaluation.site}: grid-limit sweep`,
        'grid limit, % of uncontrolled peak',
        airport ? 'tasks on time %' : 'public energy undelivered %',
        policies.map((policy) => ({
          name: policy,
          points: evaluation.sweep
            .filter((k) => k.policy === policy)
            .map((k) => [(100 * k.gridLimitKw) / evaluation.uncontrolledPeakKw, metric(k)]),
        })),
      ),
    );
  }
  return plots;
}
