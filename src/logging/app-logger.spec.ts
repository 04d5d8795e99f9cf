import { AppLogger } from './app-logger';

describe('AppLogger', () => {
  it('writes one JSON object per line with level, context and message', () => {
    const lines: string[] = [];
    const logger = new AppLogger('info', 'json', (line) => lines.push(line));
    logger.log('charger booted', 'OcppGateway');
    logger.error('solve failed', 'Error: boom\n    at x', 'Scheduler');
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'info', context: 'OcppGateway', msg: 'charger booted' }),
      expect.objectContaining({
        level: 'error',
        context: 'Scheduler',
        msg: 'solve failed',
        stack: 'Error: boom\n    at x',
      }),
    ]);
  });

  it('writes an Error logged alone (as Nest does for unexpected exceptions) with its message and stack', () => {
    const lines: string[] = [];
    const logger = new AppLogger('info', 'json', (line) => lines.push(line));
    logger.error(new TypeError('x is undefined'), 'ExceptionsHandler');
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 'error', context: 'ExceptionsHandler', msg: 'TypeError: x is undefined' });
    expect(line.stack).toMatch(/^TypeError: x is undefined\n\s+at /);
  });

  it('drops messages below the configured level', () => {
    const lines: string[] = [];
    const logger = new AppLogger('warn', 'pretty', (line) => lines.push(line));
    logger.debug('noise', 'X');
    logger.log('info', 'X');
    logger.warn('grid limit near', 'Scheduler');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN +\[Scheduler\] grid limit near/);
  });
});
