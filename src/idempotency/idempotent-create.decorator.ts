import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A create that honours an Idempotency-Key header: a retry with the same key and body gets the
 * first answer instead of a second resource.
 */
export function IdempotentCreate() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique string (1-255 printable characters) per intended create: a retry with the same key and body within ' +
        '24 h answers the first response (with Idempotent-Replayed: true) and creates nothing; the same key with ' +
        'another body is refused with 422; while the first request runs, 409. Keys are scoped per API key.',
    }),
    ApiErrors(409, 422),
  );
}
