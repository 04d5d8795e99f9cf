import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUSES, ErrorStatus } from './error-statuses';

/**
 * Documents error answers an operation gives besides the standard ones every operation gets from its shape
 * (standard-errors.ts: 400, 401, 403, 404, 413, 503).
 */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, ...ERROR_STATUSES[status] })));
}
