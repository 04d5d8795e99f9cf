import { OpenAPIObject } from '@nestjs/swagger';
import { OpenApiResponseChecker } from '../support/openapi-responses';

/** The check every app.http() response goes through: it must fail on what the document does not say. */
describe('OpenAPI response check of the e2e helper', () => {
  const document = {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/things/{id}': {
        get: {
          responses: {
            200: {
              description: '',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            404: { description: '' },
          },
        },
      },
      '/api/v1/things/special': {
        get: {
          responses: { 200: { description: '', content: { 'application/json': { schema: { type: 'array' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Thing: {
          type: 'object',
          required: ['id', 'at', 'parent'],
          properties: {
            id: { type: 'string' },
            at: { type: 'string', format: 'date-time' },
            parent: { nullable: true, allOf: [{ $ref: '#/components/schemas/Parent' }] },
          },
        },
        Parent: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      },
    },
  } as unknown as OpenAPIObject;
  const checker = new OpenApiResponseChecker(document);
  const json = 'application/json; charset=utf-8';
  const thing = { id: 'a', at: '2026-12-08T06:00:00.000Z', parent: null };

  it('accepts a documented status with a matching body, null where the schema is nullable', () => {
    expect(checker.problem('GET', '/api/v1/things/a?x=1', 200, json, thing)).toBeUndefined();
    expect(checker.problem('GET', '/api/v1/things/a', 200, json, { ...thing, parent: { name: 'p' } })).toBeUndefined();
    expect(checker.problem('GET', '/api/v1/things/a', 404, json, {})).toBeUndefined();
  });

  it('names an undocumented status', () => {
    expect(checker.problem('GET', '/api/v1/things/a', 409, json, {})).toMatch(
      /GET \/api\/v1\/things\/a answered 409: status not documented for GET \/api\/v1\/things\/\{id\}/,
    );
  });

  it('names what in the body does not match: a missing field, a wrong format, a wrong nested type', () => {
    expect(checker.problem('GET', '/api/v1/things/a', 200, json, { id: 'a', parent: null })).toMatch(/'at'/);
    expect(checker.problem('GET', '/api/v1/things/a', 200, json, { ...thing, at: 'yesterday' })).toMatch(
      /\/at must match format "date-time"/,
    );
    expect(checker.problem('GET', '/api/v1/things/a', 200, json, { ...thing, parent: { name: 3 } })).toMatch(
      /\/parent\/name must be string/,
    );
  });

  it('prefers the literal path over a template, and flags an /api answer for a path the document lacks', () => {
    expect(checker.problem('GET', '/api/v1/things/special', 200, json, [])).toBeUndefined();
    expect(checker.problem('GET', '/api/v1/nothing', 200, json, {})).toMatch(/no GET operation/);
    expect(checker.problem('GET', '/api/v1/nothing', 404, json, {})).toBeUndefined();
    expect(checker.problem('GET', '/metrics', 200, 'text/plain', '')).toBeUndefined();
  });
});
