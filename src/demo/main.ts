/** `npm run demo`: see run-demo.ts and src/demo/README.md. */
import 'reflect-metadata';
import { DemoUsageError, parseDemoArgs } from './demo-options';
import { runDemo } from './run-demo';

function main(): void {
  let options;
  try {
    options = parseDemoArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof DemoUsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const run = runDemo(options, print);
  process.once('SIGINT', () => {
    print('\nStopping the demo (Ctrl-C again to quit at once)...');
    run.stop();
    process.once('SIGINT', () => process.exit(130));
  });
  process.once('SIGTERM', () => run.stop());
  run.finished.then(
    () => process.exit(0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Demo failed: ${message}`);
      if (/EADDRINUSE/.test(message)) console.error('The port is taken: pick another with --port (0 = any free one).');
      process.exit(1);
    },
  );
}

main();
