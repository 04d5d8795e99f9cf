import { BOOT_16, CHARGER_PASSWORD, eventually, ocppClient, registerCharger } from '../support/ocpp-clients';
import { ADMIN_TOKEN, createKey, startTestApp, TestApp } from '../support/test-app';

interface LogLine {
  level: string;
  msg: string;
  context?: string;
  requestId?: string;
  [field: string]: unknown;
}

/**
 * Issue 17 logs, as an operator reads them with LOG_FORMAT=json: a request id on every line logged for a request and
 * in its X-Request-Id response header, one line per request and per tick, OCPP connect and disconnect lines, and no
 * secret anywhere in the output.
 */
describe('JSON logs: request ids, request, tick and OCPP lines, no secrets', () => {
  let app: TestApp;
  let output = '';
  let stdout: jest.SpyInstance;
  let fleetManager: string;
  let siteId: string;

  const lines = (): LogLine[] =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const requestLines = () => lines().filter((line) => line.context === 'Http');

  beforeAll(async () => {
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += chunk.toString();
      return true;
    });
    app = await startTestApp({ env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' } });
    fleetManager = await createKey(app, 'fleet-manager');
    ({ siteId } = await registerCharger(app, fleetManager, 'LOG-CP1'));
  });
  afterAll(async () => {
    await app?.close();
    stdout.mockRestore();
  });

  it("echoes a caller's well-formed X-Request-Id and logs one line for the request under it, with its route", async () => {
    const response = await app
      .http(fleetManager)
      .get(`/api/v1/sites/${siteId}`)
      .set('X-Request-Id', 'e2e-trace-42')
      .expect(200);
    expect(response.headers['x-request-id']).toBe('e2e-trace-42');
    await eventually(async () =>
      expect(requestLines().filter((line) => line.requestId === 'e2e-trace-42')).toEqual([
        expect.objectContaining({
          level: 'info',
          msg: 'request completed',
          method: 'GET',
          route: '/api/v1/sites/:id',
          status: 200,
          ms: expect.any(Number),
        }),
      ]),
    );
  });

  it('gives a request without a usable id a new one, in the header and the line alike', async () => {
    const response = await app.http().get('/api/v1/sites').set('X-Request-Id', 'two words').expect(401);
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(async () =>
      expect(requestLines().find((line) => line.requestId === requestId)).toMatchObject({
        route: '/api/v1/sites',
        status: 401,
      }),
    );
  });

  it('logs no line for /health and /metrics at info', async () => {
    const health = await app.http().get('/health').expect(200);
    const metrics = await app.http().get('/metrics').expect(200);
    await app.http().get('/api/v1/sites').set('X-Request-Id', 'after-probes').expect(401);
    await eventually(async () => expect(requestLines().some((line) => line.requestId === 'after-probes')).toBe(true));
    const probeIds = [health.headers['x-request-id'], metrics.headers['x-request-id']];
    expect(probeIds.every((id) => typeof id === 'string')).toBe(true);
    expect(lines().filter((line) => line.requestId !== undefined && probeIds.includes(line.requestId))).toEqual([]);
  });

  it('logs one line per tick with the site, status, solve time and unserved tasks, under the request that asked', async () => {
    const dispatcher = await createKey(app, 'dispatcher');
    await app.http(dispatcher).post(`/api/v1/sites/${siteId}/solve-now`).set('X-Request-Id', 'solve-now-1').expect(200);
    await eventually(async () =>
      expect(lines().filter((line) => line.siteId === siteId && line.context === 'SiteTickService')).toEqual([
        expect.objectContaining({
          level: 'info',
          msg: 'tick',
          requestId: 'solve-now-1',
          status: expect.stringMatching(/^(optimal|feasible|fallback|infeasible)$/),
          applied: expect.any(String),
          solveMs: expect.any(Number),
          unservedTasks: 0,
        }),
      ]),
    );
  });

  it('logs a line with the charger id when a charger connects and when it disconnects', async () => {
    const client = ocppClient(app, 'LOG-CP1', 'ocpp1.6');
    await client.connect();
    await client.call('BootNotification', BOOT_16);
    const ocppLines = () => lines().filter((line) => line.chargePointId === 'LOG-CP1');
    await eventually(async () =>
      expect(ocppLines()).toEqual([
        expect.objectContaining({ level: 'info', msg: 'charger connected', ocppVersion: '1.6' }),
      ]),
    );
    await client.close({ force: true });
    await eventually(async () =>
      expect(ocppLines().map((line) => line.msg)).toEqual(['charger connected', 'charger disconnected']),
    );
  });

  it('never writes a bearer token, API key or charger password', () => {
    expect(output.length).toBeGreaterThan(0);
    for (const secret of [ADMIN_TOKEN, fleetManager, CHARGER_PASSWORD]) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/Bearer /i);
  });
});
