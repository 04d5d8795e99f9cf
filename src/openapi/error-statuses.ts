import { ErrorResponse, PreconditionFailedResponse, ValidationErrorResponse } from './error-response.dto';

/** Every error status the API answers with, what it means here, and the body it carries. */
export const ERROR_STATUSES = {
  400: { description: 'Invalid input: `fields` names each invalid field', type: ValidationErrorResponse },
  401: { description: 'Missing, unknown or revoked API key', type: ErrorResponse },
  403: { description: "The key's role may not do this (see x-roles)", type: ErrorResponse },
  404: { description: 'Not found', type: ErrorResponse },
  409: {
    description: 'Conflicts with existing records (a duplicate, or records that refer to it)',
    type: ErrorResponse,
  },
  412: { description: 'If-Match names a version the resource is no longer at', type: PreconditionFailedResponse },
  413: { description: 'The body is too large', type: ErrorResponse },
  415: { description: 'Unsupported Content-Type', type: ErrorResponse },
  422: { description: 'The Idempotency-Key was used before with a different request', type: ErrorResponse },
  502: { description: 'The charger answered with an OCPP CALLERROR (`ocppErrorCode`)', type: ErrorResponse },
  503: { description: 'The database is unavailable; retry after Retry-After seconds', type: ErrorResponse },
  504: { description: 'The charger did not answer in time', type: ErrorResponse },
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUSES;
