import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApp } from '../../src/app-factory';
import { Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import { createOpenApiDocument } from '../../src/openapi/setup-openapi';
import { OpenApiResponseChecker } from './openapi-responses';
import { createTestDatabase, TestDatabase } from './test-database';

export const ADMIN_TOKEN = 'test-bootstrap-admin-token';

export interface TestApp {
  app: INestApplication;
  database: TestDatabase;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /**
   * supertest against the running server, with a bearer token when given. Every response is checked against the
   * service's OpenAPI document: an undocumented status or a body that does not match its schema fails the request.
   */
  http(token?: string): {
    get(path: string): request.Test;
    post(path: string): request.Test;
    put(path: string): request.Test;
    patch(path: string): request.Test;
    delete(path: string): request.Test;
  };
  /** Stops the service, keeping the database (to start it again on the same data). */
  stopService(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  database?: TestDatabase;
  env?: Record<string, string>;
  /** Runs the service on this clock (a simulated one) instead of the system clock. */
  clock?: Clock;
}

/** The real service on a fresh database, listening on loopback. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    LOG_LEVEL: 'error',
    APRON_ADMIN_TOKEN: ADMIN_TOKEN,
    HOST: '127.0.0.1',
    APRON_SCHEDULER: 'off',
    ...options.env,
  });
  const app = await startService(config, database, options);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  let serviceStopped = false;
  const stopService = async () => {
    if (serviceStopped) return;
    serviceStopped = true;
    await app.close();
  };
  let checker: OpenApiResponseChecker | undefined;
  const documented = (method: string, path: string) => (response: request.Response) => {
    checker ??= new OpenApiResponseChecker(createOpenApiDocument(app));
    const problem = checker.problem(method, path, response.status, response.headers['content-type'], response.body);
    if (problem) throw new Error(`Undocumented response: ${problem}`);
  };
  return {
    app,
    database,
    baseUrl,
    http(token?: string) {
      const agent = request(baseUrl);
      const checked = (method: string, path: string, test: request.Test) =>
        (token ? test.set('Authorization', `Bearer ${token}`) : test).expect(documented(method, path));
      return {
        get: (path) => checked('GET', path, agent.get(path)),
        post: (path) => checked('POST', path, agent.post(path)),
        put: (path) => checked('PUT', path, agent.put(path)),
        patch: (path) => checked('PATCH', path, agent.patch(path)),
        delete: (path) => checked('DELETE', path, agent.delete(path)),
      };
    },
    stopService,
    async close() {
      await stopService();
      await database.drop();
    },
  };
}

/**
 * A service restarted on the same embedded test database (it lives in this test process, unlike production's, which
 * restarts with its process) may find the one connection its predecessor held not yet released, and the new one cut:
 * it is started again, a few times, after a pause. A first start and a database server get no second try.
 */
async function startService(
  config: ReturnType<typeof loadConfig>,
  database: TestDatabase,
  options: TestAppOptions,
): Promise<INestApplication> {
  const attempts = options.database?.embedded ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await createApp(config, database, options.clock);
    } catch (error) {
      if (attempt >= attempts || !/Connection terminated|ECONNREFUSED|ECONNRESET/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/** Creates an API key with the given role through the API, returning its token. */
export async function createKey(app: TestApp, role: string): Promise<string> {
  const response = await app
    .http(ADMIN_TOKEN)
    .post('/api/v1/api-keys')
    .send({ name: `${role} key`, role });
  if (response.status !== 201) throw new Error(`creating a ${role} key failed: ${JSON.stringify(response.body)}`);
  return response.body.token as string;
}
