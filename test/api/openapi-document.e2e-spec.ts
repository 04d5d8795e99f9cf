import { createKey, startTestApp, TestApp } from '../support/test-app';

type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  'x-roles'?: string[];
  'x-public'?: boolean;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>>; components: Json };
type Json = Record<string, unknown>;

const ROLES = ['admin', 'fleet-manager', 'dispatcher', 'viewer', 'telemetry', 'flight-feed'];

/** The OpenAPI document at /docs-json is valid OpenAPI 3 and complete: roles, success and error bodies. */
describe('OpenAPI document', () => {
  let app: TestApp;
  let document: Document;
  let operations: { name: string; path: string; operation: Operation }[];

  beforeAll(async () => {
    app = await startTestApp();
    document = (await app.http().get('/docs-json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, path, operation })),
    );
  });
  afterAll(() => app.close());

  it('is valid against the OpenAPI 3 schema', async () => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(operations.length).toBeGreaterThan(70);
  });

  it('names the roles of every operation in x-roles, or marks it public', () => {
    const problems = operations.flatMap(({ name, operation }) => {
      const roles = operation['x-roles'];
      if (operation['x-public'] === true) return roles ? [`${name}: public and with roles`] : [];
      if (!roles || roles.length === 0) return [`${name}: no x-roles`];
      return roles.every((role) => ROLES.includes(role)) && roles[0] === 'admin' ? [] : [`${name}: x-roles ${roles}`];
    });
    expect(problems).toEqual([]);
  });

  it('lists in x-roles exactly the roles the guard lets through (a viewer and a telemetry key on every operation)', async () => {
    const tokens = { viewer: await createKey(app, 'viewer'), telemetry: await createKey(app, 'telemetry') };
    const unknownId = '3f2b8c1e-5d4a-4e7b-9c6d-1a2b3c4d5e6f';
    const problems: string[] = [];
    for (const { name, path, operation } of operations) {
      const roles = operation['x-roles'];
      if (!roles) continue;
      const method = name.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const url = path.replace(/\{(\w+)\}/g, (_, param: string) => (param === 'vehicle' ? 'BUS-X' : unknownId));
      for (const [role, token] of Object.entries(tokens)) {
        const status = (await app.http(token)[method](url)).status;
        if ((status === 403) === roles.includes(role)) problems.push(`${name} as ${role}: ${status}, x-roles ${roles}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents a success body for every operation, and the error bodies that follow from its shape', () => {
    const problems = operations.flatMap(({ name, path, operation }) => {
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => /^2\d\d$/.test(status));
      const found: string[] = [];
      if (success.length === 0) found.push('no 2xx response');
      for (const status of success) {
        const content = operation.responses[status].content;
        const documented = status === '204' || Object.values(content ?? {}).some((media) => media.schema !== undefined);
        if (!documented && !content?.['text/event-stream']) found.push(`${status} without a body schema`);
      }
      const expected = [
        ...(operation['x-roles'] ? ['401', '403'] : []),
        ...((operation.parameters ?? []).length > 0 || operation.requestBody ? ['400'] : []),
        ...((operation.parameters ?? []).some((p) => p.in === 'path') ? ['404'] : []),
        ...(path.startsWith('/api/') ? ['503'] : []),
      ];
      for (const status of expected) {
        const schema = operation.responses[status]?.content?.['application/json']?.schema;
        if (!schema) found.push(`no ${status} error body`);
      }
      return found.map((problem) => `${name}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('documents every 400 with the fields list, and the bearer scheme as an API key, not a JWT', () => {
    const schemas = document.components.schemas as Record<string, { required?: string[] }>;
    expect(schemas.ValidationErrorResponse.required).toEqual(
      expect.arrayContaining(['statusCode', 'message', 'fields']),
    );
    const badRequests = operations.map(({ operation }) => operation.responses['400']).filter(Boolean);
    expect(new Set(badRequests.map((response) => JSON.stringify(response.content)))).toEqual(
      new Set([
        JSON.stringify({ 'application/json': { schema: { $ref: '#/components/schemas/ValidationErrorResponse' } } }),
      ]),
    );
    const bearer = (document.components.securitySchemes as Record<string, Json>).bearer;
    expect(bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(bearer.bearerFormat).not.toBe('JWT');
  });

  it('types tickSeconds as an integer and timestamps as date-time', () => {
    const schemas = document.components.schemas as Record<string, { properties: Record<string, Json> }>;
    expect(schemas.SiteResponse.properties.tickSeconds).toMatchObject({ type: 'integer', nullable: true });
    expect(schemas.CreateSiteDto.properties.tickSeconds).toMatchObject({ type: 'integer' });
    for (const [schema, property] of [
      ['SiteResponse', 'createdAt'],
      ['TaskResponse', 'start'],
      ['SessionResponse', 'startedAt'],
      ['FlightResponse', 'scheduledTime'],
    ]) {
      expect({ schema, property, format: schemas[schema].properties[property].format }).toEqual({
        schema,
        property,
        format: 'date-time',
      });
    }
  });

  it('documents If-Match and ETag on versioned updates, and Idempotency-Key on creates', () => {
    const header = (name: string, method: string, path: string) =>
      (document.paths[path][method].parameters ?? []).some(
        (p) => p.in === 'header' && (p as { name?: string }).name === name,
      );
    for (const resource of ['sites', 'chargers', 'vehicles', 'tasks']) {
      expect({ resource, ifMatch: header('If-Match', 'patch', `/api/v1/${resource}/{id}`) }).toEqual({
        resource,
        ifMatch: true,
      });
      expect(document.paths[`/api/v1/${resource}/{id}`].patch.responses['412']).toBeDefined();
      expect(document.paths[`/api/v1/${resource}/{id}`].get.responses['200']).toMatchObject({
        headers: { ETag: expect.any(Object) },
      });
      expect({ resource, idempotent: header('Idempotency-Key', 'post', `/api/v1/${resource}`) }).toEqual({
        resource,
        idempotent: true,
      });
    }
  });
});
