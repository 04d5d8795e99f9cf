import { OpenAPIObject } from '@nestjs/swagger';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponsesObject = OperationObject['responses'];
interface ParameterObject {
  in?: string;
}
import { ERROR_STATUSES, ErrorStatus } from './error-statuses';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/**
 * Adds the error answers that follow from an operation's shape, so no controller has to repeat them: 400 when it
 * takes any input (path, query, body), 401 and 403 when it needs a key (x-roles), 404 when its path names a record,
 * 413 when it takes a body (the body parser's limit), 503 for everything under /api (the database availability
 * check). An operation's own documentation wins.
 */
export function documentStandardErrors(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) addStandardErrors(path, operation);
    }
  }
}

function addStandardErrors(path: string, operation: OperationObject): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const statuses: ErrorStatus[] = [];
  if (parameters.length > 0 || operation.requestBody) statuses.push(400);
  if ('x-roles' in operation) statuses.push(401, 403);
  if (parameters.some((parameter) => parameter.in === 'path')) statuses.push(404);
  if (operation.requestBody) statuses.push(413);
  if (path.startsWith('/api/')) statuses.push(503);
  for (const status of statuses) addError(operation.responses, status);
}

export function addError(responses: ResponsesObject, status: ErrorStatus): void {
  if (responses[status]) return;
  const { description, type } = ERROR_STATUSES[status];
  responses[status] = {
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${type.name}` } } },
  };
}
