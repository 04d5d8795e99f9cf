import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

interface Operation {
  template: string;
  pattern: RegExp;
  literalSegments: number;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

/**
 * Statuses the service answers that its OpenAPI document does not list, each with why it is accepted. Keep it
 * empty: fix the document (or the response) instead.
 */
export const UNDOCUMENTED_RESPONSES_ALLOWED: ReadonlyArray<{ method: string; path: string; status: number }> = [];

/**
 * Checks responses against the service's own OpenAPI document: the operation is found by method and path template,
 * its status must be documented, and a JSON body must match the documented schema. Paths outside the document and
 * outside /api (the dashboard page, /metrics, /docs) are not checked.
 */
export class OpenApiResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations = new Map<string, Operation[]>();
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    const schemas = document.components?.schemas ?? {};
    this.ajv.addSchema({ $id: 'components', definitions: toJsonSchema(schemas) });
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const responses = (operation as { responses?: Operation['responses'] }).responses;
        if (!responses) continue;
        const list = this.operations.get(method.toUpperCase()) ?? [];
        list.push({ template, ...pathPattern(template), responses });
        this.operations.set(method.toUpperCase(), list);
      }
    }
  }

  /** A message naming what does not match, or undefined when the response is documented. */
  problem(
    method: string,
    url: string,
    status: number,
    contentType: string | undefined,
    body: unknown,
  ): string | undefined {
    const path = url.split('?')[0];
    const operation = this.find(method, path);
    const where = `${method} ${path} answered ${status}`;
    if (!operation) {
      if (!path.startsWith('/api/') || status === 404 || status === 401) return undefined;
      return `${where}, but the OpenAPI document has no ${method} operation for this path`;
    }
    if (allowed(method, operation.template, status)) return undefined;
    const documented = operation.responses[String(status)];
    if (!documented) {
      const listed = Object.keys(operation.responses).join(', ');
      return `${where}: status not documented for ${method} ${operation.template} (documented: ${listed}); body ${preview(body)}`;
    }
    const schema = documented.content?.['application/json']?.schema;
    if (!schema || !contentType?.includes('application/json')) return undefined;
    const validate = this.validator(`${method} ${operation.template} ${status}`, schema);
    if (validate(body)) return undefined;
    const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    return `${where}: body does not match the documented schema of ${method} ${operation.template} ${status}: ${errors}; body ${preview(body)}`;
  }

  private find(method: string, path: string): Operation | undefined {
    const candidates = (this.operations.get(method) ?? []).filter((operation) => operation.pattern.test(path));
    return candidates.sort((a, b) => b.literalSegments - a.literalSegments)[0];
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteRefs(toJsonSchemaNode(schema), 'components#/definitions/'));
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function allowed(method: string, template: string, status: number): boolean {
  return UNDOCUMENTED_RESPONSES_ALLOWED.some((a) => a.method === method && a.path === template && a.status === status);
}

function pathPattern(template: string): { pattern: RegExp; literalSegments: number } {
  const segments = template.split('/').filter(Boolean);
  const regex = segments.map((segment) => (segment.startsWith('{') ? '[^/]+' : escape(segment))).join('/');
  return {
    pattern: new RegExp(`^/${regex}/?$`),
    literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toJsonSchema(schemas: Record<string, unknown>): Json {
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => [
      name,
      rewriteRefs(toJsonSchemaNode(schema as Json), '#/definitions/'),
    ]),
  );
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema: null or the schema (also around a $ref in allOf). */
function toJsonSchemaNode(node: unknown): Json {
  if (Array.isArray(node)) return node.map(toJsonSchemaNode) as unknown as Json;
  if (typeof node !== 'object' || node === null) return node as Json;
  const converted: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'nullable') continue;
    converted[key] = typeof value === 'object' && value !== null ? toJsonSchemaNode(value) : value;
  }
  return (node as Json).nullable === true ? { anyOf: [{ type: 'null' }, converted] } : converted;
}

function rewriteRefs(node: Json, prefix: string): Json {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item as Json, prefix)) as unknown as Json;
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (key === '$ref' && typeof value === 'string') return [key, value.replace('#/components/schemas/', prefix)];
      return [key, typeof value === 'object' && value !== null ? rewriteRefs(value as Json, prefix) : value];
    }),
  );
}

function preview(body: unknown): string {
  const text = JSON.stringify(body) ?? String(body);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
