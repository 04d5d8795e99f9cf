import { ArgumentsHost, BadRequestException, Logger, NotFoundException } from '@nestjs/common';
import { AppLogger } from '../logging/app-logger';
import { ApiExceptionFilter } from './api-exception.filter';

/** Nest's ArgumentsHost around a recorded response, for one HTTP request. */
function httpHost(params: Record<string, string> = {}) {
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const request = { method: 'POST', path: '/api/v1/sites', params };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ApiExceptionFilter', () => {
  const lines: string[] = [];
  beforeAll(() => Logger.overrideLogger(new AppLogger('info', 'json', (line) => lines.push(line))));
  afterAll(() => Logger.overrideLogger(true));
  beforeEach(() => lines.splice(0));

  it('answers an unexpected error with a bare 500 and logs its message and stack', () => {
    const { host, sent } = httpHost();
    new ApiExceptionFilter().catch(new TypeError("Cannot read properties of null (reading 'steps')"), host);
    expect(sent).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
      headers: {},
    });
    const logged = lines.map((line) => JSON.parse(line));
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        context: 'ExceptionsHandler',
        msg: "POST /api/v1/sites: Cannot read properties of null (reading 'steps')",
        stack: expect.stringMatching(/^TypeError: Cannot read properties of null \(reading 'steps'\)\n\s+at /),
      }),
    ]);
  });

  it('answers a database that is out of reach with 503 and Retry-After, not 500', () => {
    for (const error of [
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ]) {
      const { host, sent } = httpHost();
      new ApiExceptionFilter().catch(error, host);
      expect([sent.status, sent.headers['Retry-After']]).toEqual([503, '5']);
      expect(JSON.stringify(sent.body)).not.toMatch(/127\.0\.0\.1/);
    }
  });

  it("adds fields to Nest's own 400s, naming the path parameter ParseUUIDPipe refused", () => {
    const { host, sent } = httpHost({ siteId: 'not-a-uuid', taskId: '6f1c1f6e-9a4e-4c55-8d7e-3f1f6c0a2b11' });
    new ApiExceptionFilter().catch(new BadRequestException('Validation failed (uuid is expected)'), host);
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      fields: [{ field: 'siteId', messages: ['Validation failed (uuid is expected)'] }],
    });
  });

  it('names the body for a body that is not JSON, and passes other answers through unchanged', () => {
    const parse = Object.assign(new SyntaxError('Unexpected end of JSON input'), {
      status: 400,
      type: 'entity.parse.failed',
    });
    const bad = httpHost();
    new ApiExceptionFilter().catch(parse, bad.host);
    expect(bad.sent.body).toMatchObject({ statusCode: 400, fields: [{ field: 'body' }] });

    const missing = httpHost();
    new ApiExceptionFilter().catch(new NotFoundException('Site x not found'), missing.host);
    expect(missing.sent).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'Site x not found' },
      headers: {},
    });
    expect(lines).toEqual([]);
  });
});
