/** The operations of the service's OpenAPI document (GET /docs-json), as the hostile-input test needs them. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** `/api/v1/sites/{siteId}/tasks` */
  path: string;
  pathParams: string[];
  queryParams: string[];
  body?: Schema;
  /** Server-Sent Events: a valid request stays open. */
  streams: boolean;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]): Operation => {
      const parameters = raw.parameters ?? [];
      const named = (where: Parameter['in']) => parameters.filter((p) => p.in === where).map((p) => p.name);
      const body = raw.requestBody && Object.values(raw.requestBody.content)[0]?.schema;
      const produced = Object.values(raw.responses ?? {}).flatMap((response) => Object.keys(response.content ?? {}));
      return {
        method: method as Operation['method'],
        path,
        pathParams: named('path'),
        queryParams: named('query'),
        body,
        streams: produced.includes('text/event-stream'),
      };
    }),
  );
}

export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
}

/**
 * A plausible body from the schema's examples (every documented field, uuids from `ids` by field name), as the base
 * the hostile values are put into, so validation reaches past "field missing".
 */
export function exampleOf(document: OpenApiDocument, schema: Schema, ids: Record<string, string>, name = ''): unknown {
  const resolved = resolve(document, schema);
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum) return resolved.enum[0];
  if (resolved.format === 'uuid') return ids[name] ?? ids.siteId;
  switch (resolved.type) {
    case 'array':
      return resolved.items ? [exampleOf(document, resolved.items, ids, name)] : [];
    case 'number':
    case 'integer':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return 'x';
    default:
      return Object.fromEntries(
        Object.entries(resolved.properties ?? {}).map(([key, property]) => [
          key,
          exampleOf(document, property, ids, key),
        ]),
      );
  }
}
