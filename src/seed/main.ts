/** `npm run seed`: see seed-example.ts and the README's "Your first plan". */
import { ApiError, LoopbackApi } from '../demo/loopback-api';
import { parseSeedArgs, SeedOptions, SeedUsageError } from './seed-options';
import { SeedReport, seedExamples } from './seed-example';

function summary(report: SeedReport, url: string): string[] {
  const site = (s: SeedReport['airport']) => `${s.code} ${s.siteId} (${s.created ? 'created' : 'existed'})`;
  const { flights } = report;
  return [
    `Airport site  ${site(report.airport)}`,
    `Highway site  ${site(report.highway)}`,
    `Chargers      ${report.chargers.created} created, ${report.chargers.existing} existed`,
    `Apron buses   ${report.vehicles.created} created, ${report.vehicles.existing} existed`,
    `SoC readings  ${report.soc.accepted} stored${report.soc.rejected.map((r) => `; ${r.message}`).join('')}`,
    `Flights       ${flights.created} created, ${flights.updated} updated, ${flights.unchanged} unchanged (next 24 h)`,
    firstPlan(report.firstPlan),
    `Plan it now:  curl -X POST -H "Authorization: Bearer $APRON_KEY" ${url}/api/v1/sites/${report.airport.siteId}/solve-now`,
  ];
}

function firstPlan(plan: SeedReport['firstPlan']): string {
  if (!plan) return 'First plan    not made yet (the site re-plans on its next tick)';
  const { assignments, unserved } = plan.result;
  return `First plan    ${plan.status}: ${assignments.length} bus assignments, ${unserved.length} tasks short`;
}

async function main(): Promise<void> {
  let options: SeedOptions;
  try {
    options = parseSeedArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof SeedUsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const api = new LoopbackApi(options.url, options.key);
  const report = await seedExamples(api, options.examplesDir, new Date());
  for (const line of summary(report, options.url)) process.stdout.write(line + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ApiError && error.status === 401) {
    console.error(`Seed failed: the service refused the key (401). Use the admin key the first start printed.`);
  } else if (error instanceof TypeError && /fetch failed/.test(error.message)) {
    console.error(
      `Seed failed: no service answers there (${(error.cause as Error)?.message ?? error.message}); start it with npm start`,
    );
  } else {
    console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
