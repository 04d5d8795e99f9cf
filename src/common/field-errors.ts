import { BadRequestException } from '@nestjs/common';
import { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

/** The one 400 body of the API: `{ statusCode, error, message, fields: [{ field, messages }] }`. */
export function invalidFields(fields: FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid ${fields.map((f) => f.field).join(', ')}`,
    fields,
  });
}

export function invalidField(field: string, message: string): BadRequestException {
  return invalidFields([{ field, messages: [message] }]);
}

/** Flattens class-validator's nested errors into dotted paths (`tariff.steps.0.pricePerKwh`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** A partial update may clear nullable fields with null; null on any other field is a mistake. */
export function nullViolations(body: object, nullable: readonly string[]): FieldError[] {
  return Object.entries(body)
    .filter(([field, value]) => value === null && !nullable.includes(field))
    .map(([field]) => ({ field, messages: [`${field} may not be null`] }));
}
