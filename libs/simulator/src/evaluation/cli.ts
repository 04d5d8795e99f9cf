import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Planner } from '@apron/planner';
import { defaultSweepShares, evaluateDay } from './evaluate-day';
import type { SiteDay } from './evaluation-types';
import { checkGoals } from './goals';
import { evaluationPlots } from './report/evaluation-plots';
import { kpiTable } from './report/kpi-table';
import {
  airportSiteDay,
  guangzhouFlightSiteDay,
  guangzhouSiteDay,
  highwaySiteDay,
  holidayHighwaySiteDay,
} from './site-day';
import { standardPolicies } from './standard-policies';

/**
 * `tsx libs/simulator/src/evaluation/cli.ts [--site airport|highway] [--seed N] [--sweep] [--out DIR]
 *  [--time-limit SECONDS] [--replan-minutes N] [--day realistic|synthetic|medium]`: one day under every policy at 60 % of the uncontrolled
 * peak; KPI table on stdout, progress on stderr, JSON report and SVG plots in DIR.
 */
const USAGE =
  'usage: npm run evaluate -- [--site airport|highway] [--day realistic|synthetic|medium] [--seed N] [--sweep] [--out DIR] ' +
  '[--time-limit SECONDS] [--replan-minutes N]';

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return print(USAGE);
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'airport' },
      seed: { type: 'string' },
      sweep: { type: 'boolean', default: false },
      out: { type: 'string', default: './evaluation-output' },
      'time-limit': { type: 'string', default: '5' },
      'replan-minutes': { type: 'string', default: '15' },
      day: { type: 'string', default: 'realistic' },
    },
  });
  const site = values.site === 'highway' ? 'highway' : 'airport';
  if (values.site !== site) throw new Error(`--site must be airport or highway, not ${values.site}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (!['realistic', 'synthetic', 'medium'].includes(values.day!)) {
    throw new Error(`--day must be realistic, synthetic or medium, not ${values.day}`);
  }
  const day =
    values.day === 'medium'
      ? mediumDay(site, seed)
      : values.day === 'synthetic'
        ? syntheticDay(site, seed)
        : realisticDay(site, seed);
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
    const goals = checkGoals(kpis, evaluation.publicBound);
    const out = resolve(values.out!);
    mkdirSync(out, { recursive: true });
    const report = {
      site: evaluation.site,
      kind: site,
      uncontrolledPeakKw: evaluation.uncontrolledPeakKw,
      limitShare: evaluation.limitShare,
      kpis,
      goals,
      publicBound: evaluation.publicBound,
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

/**
 * The realistic day: a Guangzhou-sized remote-stand day (40 buses of 250–350 kWh, 20 dual-connector 150 kW chargers,
 * 2 MW, Guangdong tariff) whose ~410 tasks (~640 bus trips) come from 500 flights read from an SSIM file through the service's own
 * flight rules, or a Guangdong expressway service area on a holiday (30 connectors behind 1.2 MW, arrivals all day).
 */
function realisticDay(site: 'airport' | 'highway', seed?: number): SiteDay {
  if (site === 'highway') return holidayHighwaySiteDay({ seed: seed ?? 1001 });
  return guangzhouFlightSiteDay({ seed: seed ?? 3 });
}

/** The same depot with ~600 synthetic tasks in two waves, not derived from flights (the earlier evaluation day). */
function syntheticDay(site: 'airport' | 'highway', seed?: number): SiteDay {
  if (site === 'highway') return holidayHighwaySiteDay({ seed: seed ?? 1001 });
  return guangzhouSiteDay({ seed: seed ?? 3 });
}

/** The earlier medium day (`--day medium`): big enough to show the policies apart, small enough to run in minutes. */
function mediumDay(site: 'airport' | 'highway', seed?: number): SiteDay {
  if (site === 'highway') return highwaySiteDay({ seed: seed ?? 44, connectors: 20, sessions: 60 });
  return airportSiteDay({ seed: seed ?? 22, vehicles: 36, connectors: 18, hours: 16, tasks: 240 });
}

main().catch((error: unknown) => {
  // A wrong flag gets one line and the usage, not a stack trace.
  const code = (error as { code?: string }).code;
  console.error(code?.startsWith('ERR_PARSE_ARGS') ? `${(error as Error).message}\n${USAGE}` : error);
  process.exitCode = 1;
});

/** The KPI table is the CLI's output: stdout (logs and progress go to stderr). */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
