import { LogFormat } from '../config/app-config';
import { AppLogger } from './app-logger';

/**
 * A line that stops start-up (a wrong setting, a database that will not open), on stderr: one JSON object when JSON
 * logs are chosen, else the bare message, so a person reads exactly what to fix.
 */
export function writeStartUpFailure(format: LogFormat, message: string): void {
  if (format === 'json') {
    new AppLogger('error', 'json', (line) => process.stderr.write(line + '\n')).error(message, 'Apron');
  } else {
    process.stderr.write(message + '\n');
  }
}
