/**
 * `npm run bench [-- GROUP]`: runs every benchmark group, or one (DESIGN.md §5b).
 * Each group lives in `test/bench/GROUP.bench.ts` and exports `run(args: string[]): Promise<void>`,
 * printing one JSON line per measured scenario on stdout.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const GROUPS = ['planner', 'ocpp', 'flights'] as const;

async function main(): Promise<void> {
  const [group, ...rest] = process.argv.slice(2);
  const selected = group ? [group] : [...GROUPS];
  for (const name of selected) {
    const file = join(__dirname, `${name}.bench.ts`);
    if (!existsSync(file)) {
      console.error(`bench: no group "${name}" (known: ${GROUPS.join(', ')})`);
      process.exitCode = 2;
      continue;
    }
    const module = (await import(file)) as { run(args: string[]): Promise<void> };
    console.error(`bench: ${name}`);
    await module.run(rest);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
