import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Planner } from '@apron/planner';
import { defaultSweepShares, evaluateDay } from './evaluate-day';
import type { SiteDay } from './evaluation-types';
import { checkGoals } from './goals';
import { evaluationPlots } from './report/evaluation-plots';
import { kpiTable } from './report/kpi-table';
import { airportSiteDay, highwaySiteDay } from './site-day';
import { standardPolicies } from './standard-policies';

/**
 * `tsx libs/simulator/src/evaluation/cli.ts [--site airport|highway] [--seed N] [--sweep] [--out DIR]
 *  [--time-limit SECONDS] [--replan-minutes N]`: one medium day under every policy at 60 % of the uncontrolled
 * peak; KPI table on stdout, progress on stderr, JSON report and SVG plots in DIR.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'airport' },
      seed: { type: 'string' },
      sweep: { type: 'boolean', default: false },
      out: { type: 'string', default: './evaluation-output' },
      'time-limit': { type: 'string', default: '5' },
      'replan-minutes': { type: 'string', default: '15' },
    },
  });
  const site = values.site === 'highway' ? 'highway' : 'airport';
  if (values.site !== site) throw new Error(`--site must be airport or highway, not ${values.site}`);
  const day = mediumDay(site, values.seed === undefined ? undefined : Number(values.seed));
  const planner = new Planner();
  try {
    const evaluation = await evaluateDay(day, {
      makePolicies: () =>
        standardPolicies({
          planner,
          timeLimitSeconds: Number(values['time-limit']),
          replanEveryMinutes: Number(values['replan-minutes']),
        }),
      sweepShares: values.sweep ? defaultSweepShares() : [],
      onRun: (k) => process.stderr.write(`${k.policy} at ${k.gridLimitKw} kW done\n`),
    });
    const kpis = evaluation.runs.map((run) => run.kpis);
    const goals = checkGoals(kpis);
    const out = resolve(values.out!);
    mkdirSync(out, { recursive: true });
    const report = {
      site: evaluation.site,
      kind: site,
      uncontrolledPeakKw: evaluation.uncontrolledPeakKw,
      limitShare: evaluation.limitShare,
      kpis,
      goals,
      sweep: evaluation.sweep,
    };
    writeFileSync(join(out, `${site}-report.json`), JSON.stringify(report, null, 2));
    for (const [name, svg] of evaluationPlots(evaluation)) writeFileSync(join(out, `${site}-${name}`), svg);

    print(
      `${evaluation.site}: uncontrolled peak ${evaluation.uncontrolledPeakKw.toFixed(0)} kW, limit at ${Math.round(evaluation.limitShare * 100)} %`,
    );
    print(kpiTable(kpis));
    if (evaluation.sweep.length > 0) print(`\nsweep\n${kpiTable(evaluation.sweep)}`);
    print('\ngoals (issue 7)');
    for (const goal of goals)
      print(`${goal.met === null ? 'n/a ' : goal.met ? 'MET ' : 'MISS'} ${goal.goal}: ${goal.detail}`);
    print(`\nreport and plots in ${out}`);
  } finally {
    await planner.dispose();
  }
}

/** The medium day: big enough to show the policies apart, small enough to run in minutes. */
function mediumDay(site: 'airport' | 'highway', seed?: number): SiteDay {
  if (site === 'highway') return highwaySiteDay({ seed: seed ?? 44, connectors: 20, sessions: 60 });
  return airportSiteDay({ seed: seed ?? 22, vehicles: 36, connectors: 18, hours: 16, tasks: 240 });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/** The KPI table is the CLI's output: stdout (logs and progress go to stderr). */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
