/**
 * `npm run plan -- FILE.json [--solver highs|jslp] [--time-limit SECONDS]` (DESIGN.md §5b): solves one scenario,
 * prints the result JSON on stdout; logs go to stderr.
 */
import { readFileSync } from 'node:fs';
import { Planner } from './planner';
import { PlanOptions, SolverName } from './types/plan-options';
import { PlanInputError } from './validation/plan-input.error';

function parseArgs(argv: string[]): { file: string; options: PlanOptions } {
  const options: PlanOptions = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--solver') {
      const name = argv[++i];
      if (name !== 'highs' && name !== 'jslp') throw new Error(`--solver must be highs or jslp, got "${name}"`);
      options.solver = name as SolverName;
    } else if (arg === '--time-limit') {
      const seconds = Number(argv[++i]);
      if (!(seconds > 0)) throw new Error('--time-limit must be a positive number of seconds');
      options.timeLimitSeconds = seconds;
    } else if (!file && !arg.startsWith('--')) file = arg;
    else throw new Error(`unknown argument "${arg}"`);
  }
  if (!file) throw new Error('usage: npm run plan -- FILE.json [--solver highs|jslp] [--time-limit SECONDS]');
  return { file, options };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  let input: unknown;
  try {
    args = parseArgs(process.argv.slice(2));
    input = JSON.parse(readFileSync(args.file, 'utf8'));
  } catch (error) {
    console.error(`plan: ${(error as Error).message}`);
    return 2;
  }
  const planner = new Planner();
  try {
    const result = await planner.plan(input as never, args.options);
    console.error(`plan: ${result.status} in ${result.solveMs} ms: ${result.message}`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PlanInputError) {
      for (const issue of error.issues) console.error(`plan: ${issue.message}`);
      return 2;
    }
    console.error(error);
    return 1;
  } finally {
    await planner.dispose();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
