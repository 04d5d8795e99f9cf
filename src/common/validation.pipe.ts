import { ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors, invalidFields } from './field-errors';

/** One validation approach for every body and query: unknown fields rejected, values converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => invalidFields(flattenValidationErrors(errors)),
  });
}
