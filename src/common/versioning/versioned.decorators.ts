import { applyDecorators, createParamDecorator, ExecutionContext, Type, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { Request } from 'express';
import { ApiErrors } from '../../openapi/api-errors.decorator';
import { parseIfMatch } from './if-match';
import { VersionETagInterceptor } from './version-etag.interceptor';

const ETAG_HEADER = {
  ETag: {
    description: 'The version of the resource, quoted ("3"): send it back in If-Match to update it safely',
    schema: { type: 'string', example: '"3"' },
  },
};

/** A read of a resource with a `version`: answered with its ETag. */
export function VersionedRead(type: Type<unknown>) {
  return applyDecorators(UseInterceptors(VersionETagInterceptor), ApiOkResponse({ type, headers: ETAG_HEADER }));
}

/** An update of a resource with a `version`: honours If-Match (412 when stale) and answers with the new ETag. */
export function VersionedUpdate(type: Type<unknown>) {
  return applyDecorators(
    VersionedRead(type),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The version (ETag) the change is based on, e.g. "3": the update is refused with 412 when the resource is at ' +
        'another version. Without it the update applies to whatever version is stored.',
    }),
    ApiErrors(412),
  );
}

/** The version the request's If-Match header names, or undefined (no header, or `*`). */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().header('if-match')),
);
