import { AppLogger } from './app-logger';
import { runWithRequestId } from './request-context';

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

  it('puts the fields of a structured message into the line, readable ones too', () => {
    const json: string[] = [];
    new AppLogger('info', 'json', (line) => json.push(line)).log({ msg: 'tick', siteId: 's1', solveMs: 12 }, 'Tick');
    expect(JSON.parse(json[0])).toMatchObject({
      level: 'info',
      context: 'Tick',
      msg: 'tick',
      siteId: 's1',
      solveMs: 12,
    });
    const pretty: string[] = [];
    new AppLogger('info', 'pretty', (line) => pretty.push(line)).log(
      { msg: 'tick', siteId: 's1', solveMs: 12 },
      'Tick',
    );
    expect(pretty[0]).toMatch(/INFO +\[Tick\] tick siteId=s1 solveMs=12$/);
  });

  it('tags the lines logged on behalf of a request with its id, and only those', () => {
    const lines: string[] = [];
    const logger = new AppLogger('info', 'json', (line) => lines.push(line));
    runWithRequestId('req-1', () => logger.log('inside', 'X'));
    logger.log('outside', 'X');
    expect(lines.map((line) => JSON.parse(line).requestId)).toEqual(['req-1', undefined]);
  });

  it('masks secret fields should one ever be logged', () => {
    const lines: string[] = [];
    const logger = new AppLogger('info', 'json', (line) => lines.push(line));
    logger.log({ msg: 'x', password: 'hunter2', headers: { authorization: 'Bearer abc' } }, 'X');
    expect(lines[0]).not.toMatch(/hunter2|Bearer abc/);
  });

  it('logs verbose lines only at the verbose level', () => {
    const lines: string[] = [];
    new AppLogger('debug', 'json', (line) => lines.push(line)).verbose('detail', 'X');
    new AppLogger('verbose', 'json', (line) => lines.push(line)).verbose('detail', 'X');
    expect(lines.map((line) => JSON.parse(line).level)).toEqual(['verbose']);
  });
});
