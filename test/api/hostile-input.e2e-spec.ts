import fc from 'fast-check';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { aCharger, aSite, aTask, aVehicle } from '../support/fixtures';
import { DatabaseFingerprint } from '../support/hostile-input/database-fingerprint';
import { badBody } from '../support/hostile-input/hostile-values';
import { exampleOf, OpenApiDocument, Operation, operationsOf } from '../support/hostile-input/openapi-operations';
import { VehicleSocStore } from '../../src/soc-tracking/soc/vehicle-soc-store';
import { ADMIN_TOKEN, startTestApp, TestApp } from '../support/test-app';

const BODIES_PER_OPERATION = 30;
const SEED = Number(process.env.HOSTILE_INPUT_SEED ?? 20261122);
const UNKNOWN_UUID = '3f2b8c1e-5d4a-4e7b-9c6d-1a2b3c4d5e6f';

/** Raw path segments: NUL, a lone surrogate in UTF-8, bad percent-encoding, overflowing and odd ids. */
const BAD_PATH_IDS = ['%00', 'a%00b', '%ED%A0%80', '%E0%A4%A', '..', 'x'.repeat(3000), '1e20', '-1', UNKNOWN_UUID];
const BAD_PAGINATION = ['1e20', '1e308', '99999999999999999999', '-1', '1.5', 'abc', '%00', 'Infinity'];

/**
 * Hostile input on every operation of the OpenAPI document, as an admin with real ids so validation is reached:
 * never a 5xx, every 400 with its `fields`, and nothing written by a request that failed.
 */
describe('hostile input, generated from the OpenAPI document', () => {
  let app: TestApp;
  let document: OpenApiDocument;
  let operations: Operation[];
  let fingerprint: DatabaseFingerprint;
  let ids: Record<string, string>;
  let requests = 0;
  /** The database's fingerprint now: taken again after each answer, compared after each failure. */
  let baseline = '';

  beforeAll(async () => {
    app = await startTestApp();
    const admin = app.http(ADMIN_TOKEN);
    const site = await admin
      .post('/api/v1/sites')
      .send(aSite({ code: 'HOSTILE' }))
      .expect(201);
    const siteId = site.body.id as string;
    const charger = await admin.post('/api/v1/chargers').send(aCharger(siteId)).expect(201);
    const vehicle = await admin.post('/api/v1/vehicles').send(aVehicle(siteId)).expect(201);
    const task = await admin.post('/api/v1/tasks').send(aTask(siteId)).expect(201);
    const spareKey = await admin.post('/api/v1/api-keys').send({ name: 'spare', role: 'viewer' }).expect(201);
    ids = {
      siteId,
      chargerId: charger.body.id,
      vehicleId: vehicle.body.id,
      taskId: task.body.id,
      sessionId: UNKNOWN_UUID,
      runId: UNKNOWN_UUID,
      apiKeyId: spareKey.body.id,
      vehicle: 'BUS-01',
    };
    document = (await app.http().get('/docs-json').expect(200)).body as OpenApiDocument;
    operations = operationsOf(document);
    fingerprint = await DatabaseFingerprint.of(app.app.get(DataSource));
    await settled();
  });
  afterAll(async () => {
    console.log(`hostile input: ${requests} requests tried (seed ${SEED})`);
    await app?.close();
  });

  /** The real id for a path parameter: `{id}` by the resource of the path, others by name. */
  const realId = (operation: Operation, name: string): string => {
    if (name !== 'id') return ids[name];
    const resource = operation.path.split('/')[3];
    const byResource: Record<string, string> = {
      sites: ids.siteId,
      chargers: ids.chargerId,
      vehicles: ids.vehicleId,
      tasks: ids.taskId,
      'api-keys': ids.apiKeyId,
    };
    return byResource[resource] ?? UNKNOWN_UUID;
  };
  const pathOf = (operation: Operation, bad: Record<string, string> = {}) =>
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => bad[name] ?? realId(operation, name));

  const send = async (operation: Operation, path: string, body?: unknown): Promise<Response> => {
    requests++;
    const test = request(app.baseUrl)[operation.method](path).set('Authorization', `Bearer ${ADMIN_TOKEN}`);
    if (body === undefined) return test;
    return test.set('Content-Type', 'application/json').send(JSON.stringify(body));
  };

  /** What is wrong with an answer: a 5xx, a 400 without fields, a failure that wrote data. */
  const problemsOf = async (response: Response): Promise<string[]> => {
    const problems: string[] = [];
    if (response.status >= 500) problems.push(`${response.status} ${JSON.stringify(response.body)}`);
    if (response.status === 400) {
      const fields = response.body?.fields as { field: unknown; messages: unknown }[] | undefined;
      const wellFormed =
        Array.isArray(fields) &&
        fields.length > 0 &&
        fields.every((f) => typeof f.field === 'string' && Array.isArray(f.messages) && f.messages.length > 0);
      if (!wellFormed) problems.push(`400 without fields: ${JSON.stringify(response.body)}`);
    }
    if (response.status >= 400) {
      const now = await fingerprint.take();
      if (now !== baseline) problems.push('a failed request wrote data');
      baseline = now;
    }
    return problems;
  };

  /** Sends one request and checks the answer; after a success, waits for its writes to settle as the new baseline. */
  const check = async (operation: Operation, path: string, body?: unknown): Promise<string[]> => {
    const startedMs = Date.now();
    const response = await send(operation, path, body);
    if (process.env.HOSTILE_INPUT_TRACE) {
      process.stderr.write(
        `${requests} ${response.status} ${Date.now() - startedMs} ms ${operation.method} ${path.slice(0, 80)}\n`,
      );
    }
    const problems = await problemsOf(response);
    if (response.status < 400) await settled();
    const label = `${operation.method.toUpperCase()} ${path.slice(0, 120)}`;
    return problems.map((problem) => `${label}: ${problem}`);
  };
  async function settled(): Promise<void> {
    // SoC estimates are written a moment after the input that changed them (APRON_FLEET_PERSIST_DELAY_MS): now.
    await app.app.get(VehicleSocStore).flush();
    for (let last = await fingerprint.take(); ;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      baseline = await fingerprint.take();
      if (baseline === last) return;
      last = baseline;
    }
  }

  it('answers bad bodies on every operation with a body', async () => {
    const withBody = operations.filter((operation) => operation.body);
    expect(withBody.length).toBeGreaterThan(20);
    for (const operation of withBody) {
      const base = exampleOf(document, operation.body!, ids);
      await fc.assert(
        fc.asyncProperty(badBody(base), async (body) => {
          expect(await check(operation, pathOf(operation), body)).toEqual([]);
        }),
        { numRuns: BODIES_PER_OPERATION, seed: SEED },
      );
    }
  });

  it('answers bad path ids on every operation with a path parameter', async () => {
    const problems: string[] = [];
    for (const operation of operations.filter((op) => op.pathParams.length > 0)) {
      for (const name of operation.pathParams) {
        for (const bad of BAD_PATH_IDS) {
          const body = operation.body ? exampleOf(document, operation.body, ids) : undefined;
          problems.push(...(await check(operation, pathOf(operation, { [name]: bad }), body)));
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers bad pagination and bad query text on every list', async () => {
    const problems: string[] = [];
    const lists = operations.filter((op) => op.method === 'get' && op.queryParams.includes('offset'));
    expect(lists.length).toBeGreaterThanOrEqual(11);
    for (const operation of lists) {
      const path = pathOf(operation);
      for (const bad of BAD_PAGINATION) {
        problems.push(...(await check(operation, `${path}?offset=${bad}`)));
        problems.push(...(await check(operation, `${path}?limit=${bad}`)));
      }
      problems.push(...(await check(operation, `${path}?offset=1&offset=2`)));
    }
    for (const operation of operations.filter((op) => op.method === 'get' && !op.streams)) {
      for (const name of operation.queryParams) {
        for (const bad of ['%00', '%ED%A0%80']) {
          problems.push(...(await check(operation, `${pathOf(operation)}?${name}=${bad}`)));
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
